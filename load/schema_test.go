package load

import (
	"context"
	"testing"

	"github.com/govreport/govreport/schema"
)

// TestColumnsAsDeclared checks every table and view in DuckDB has exactly
// the columns and types of its Arrow declaration, in order.
func TestColumnsAsDeclared(t *testing.T) {
	w, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	all := append(append([]schema.Table(nil), schema.Tables...), schema.Views...)
	for _, tab := range all {
		rows, err := w.DB().QueryContext(context.Background(),
			"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", tab.Name)
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]string
		for rows.Next() {
			var n, typ string
			if err := rows.Scan(&n, &typ); err != nil {
				t.Fatal(err)
			}
			got = append(got, [2]string{n, typ})
		}
		rows.Close()
		fields := tab.Schema.Fields()
		if len(got) != len(fields) {
			t.Errorf("%s: %d columns in DuckDB, %d declared", tab.Name, len(got), len(fields))
			continue
		}
		for i, f := range fields {
			want, _ := schema.DuckDBType(f.Type)
			if got[i][0] != f.Name || got[i][1] != want {
				t.Errorf("%s column %d: got %s %s, declared %s %s", tab.Name, i, got[i][0], got[i][1], f.Name, want)
			}
		}
	}
}
