package report

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestJSONRoundTrip reads the seed's hand-checked expected JSON, writes it
// back and compares the two as generic JSON: every key and value the
// contract names must survive, in the form SCHEMA.md gives.
func TestJSONRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/shibi-2020.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if got, want := len(r.Cells), 6*3+2*2+23*7+15; got != want {
		t.Errorf("cells = %d, want %d", got, want)
	}
	c, ok := r.Get(TableProactive, "coercion", "change")
	if !ok || c.Value == nil || *c.Value != -2 {
		t.Errorf("coercion.change = %+v, want -2", c)
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var want, got map[string]any
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got["issues"], []any{}) {
		t.Errorf("issues = %v, want []", got["issues"])
	}
	delete(got, "issues")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %s\nwant %s", out, data)
	}
}

func TestMarshalOrderAndNulls(t *testing.T) {
	r := Report{Template: Template2021, Year: 2022}
	r.Set(Cell{Table: TableReviewLitigation, Row: "review", Col: "total", Value: Float(3)})
	r.Set(Cell{Table: TableReviewLitigation, Row: "review", Col: "upheld", Value: nil})
	r.Set(Cell{Table: TableRequests, Row: "granted", Col: "total", Value: Float(1.5)})
	r.Set(Cell{Table: TableRequests, Row: "new_received", Col: "total", Value: Float(2)})
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"template":"2021","year":2022,"agency":null,"region":{},"published":null,` +
		`"proactive":null,"requests":{"new_received":{"total":2},"granted":{"total":1.5}},` +
		`"review_litigation":{"review_upheld":null,"review_total":3},"issues":[]}`
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}

func TestUnmarshalRejectsUnknownReviewCode(t *testing.T) {
	var r Report
	err := json.Unmarshal([]byte(`{"template":"2019","review_litigation":{"appeal_total":1}}`), &r)
	if err == nil {
		t.Fatal("want error for unknown review_litigation code")
	}
}
