package pdfdoc

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints the Document of the PDF named by $PDFDUMP (a debugging
// aid; skipped otherwise).
func TestDump(t *testing.T) {
	f := os.Getenv("PDFDUMP")
	if f == "" {
		t.Skip("set PDFDUMP=file.pdf to print its Document")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(doc.Meta)
	for _, b := range doc.Blocks {
		if b.Table == nil {
			fmt.Printf("[%s] %s\n", b.Locator, b.Text)
			continue
		}
		fmt.Printf("[%s] TABLE %dx%d\n", b.Locator, len(b.Table.Rows), b.Table.Width())
		for _, r := range b.Table.Rows {
			var cs []string
			for _, c := range r {
				s := c.Text
				if c.Copy {
					s = "^"
				}
				cs = append(cs, s)
			}
			fmt.Println("  | " + strings.Join(cs, " | "))
		}
	}
}
