package schema

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Table is one warehouse table: its name, what it holds, and its columns.
type Table struct {
	Name        string
	Description string
	Schema      *arrow.Schema
}

// Col declares one column with its description.
func Col(name string, typ arrow.DataType, nullable bool, description string) arrow.Field {
	return arrow.Field{Name: name, Type: typ, Nullable: nullable,
		Metadata: arrow.NewMetadata([]string{"description"}, []string{description})}
}

// Description returns a field's description from its metadata.
func Description(f arrow.Field) string {
	if i := f.Metadata.FindKey("description"); i >= 0 {
		return f.Metadata.Values()[i]
	}
	return ""
}

// DuckDBType maps an Arrow type to the DuckDB column type it is stored as.
func DuckDBType(t arrow.DataType) (string, error) {
	switch t.ID() {
	case arrow.STRING, arrow.LARGE_STRING:
		return "VARCHAR", nil
	case arrow.INT64:
		return "BIGINT", nil
	case arrow.INT32:
		return "INTEGER", nil
	case arrow.INT16:
		return "SMALLINT", nil
	case arrow.FLOAT64:
		return "DOUBLE", nil
	case arrow.BOOL:
		return "BOOLEAN", nil
	case arrow.DATE32:
		return "DATE", nil
	case arrow.TIMESTAMP:
		return "TIMESTAMP", nil
	}
	return "", fmt.Errorf("schema: no DuckDB type for %s", t)
}

// DDL returns the CREATE TABLE IF NOT EXISTS statement for a table.
func (t Table) DDL() (string, error) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "CREATE TABLE IF NOT EXISTS %s (", t.Name)
	for i, f := range t.Schema.Fields() {
		typ, err := DuckDBType(f.Type)
		if err != nil {
			return "", fmt.Errorf("%s.%s: %w", t.Name, f.Name, err)
		}
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s %s", f.Name, typ)
		if !f.Nullable {
			sb.WriteString(" NOT NULL")
		}
	}
	sb.WriteString(")")
	return sb.String(), nil
}

var ts = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}

// Documents is the crawl state: one row per URL fetched or failed.
var Documents = Table{
	Name:        "documents",
	Description: "Every URL the crawler fetched or tried: list pages, report pages and attachments, with the validators needed for conditional GETs and the SHA-256 of the stored body.",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("url", arrow.BinaryTypes.String, false, "Absolute URL fetched (after redirects, the final URL is in final_url)."),
		Col("source", arrow.BinaryTypes.String, false, "Name of the source in sources.yaml that found the URL."),
		Col("kind", arrow.BinaryTypes.String, false, "list (a column or listing page), report (a report page) or attachment (a file linked from a report page)."),
		Col("status", arrow.PrimitiveTypes.Int32, true, "HTTP status of the last fetch (304 when not modified); null when no response was received."),
		Col("content_type", arrow.BinaryTypes.String, true, "Content-Type header of the last 200 response."),
		Col("charset", arrow.BinaryTypes.String, true, "Character set declared or detected for text bodies."),
		Col("etag", arrow.BinaryTypes.String, true, "ETag validator from the last 200 response, sent as If-None-Match next time."),
		Col("last_modified", arrow.BinaryTypes.String, true, "Last-Modified validator from the last 200 response, sent as If-Modified-Since next time."),
		Col("sha256", arrow.BinaryTypes.String, true, "SHA-256 (hex) of the stored body under data/raw; null until a body is stored."),
		Col("bytes", arrow.PrimitiveTypes.Int64, true, "Size of the stored body in bytes."),
		Col("title", arrow.BinaryTypes.String, true, "Link text or page title under which the document was found."),
		Col("referrer", arrow.BinaryTypes.String, true, "URL of the page that linked to this one."),
		Col("final_url", arrow.BinaryTypes.String, true, "URL after redirects, when different."),
		Col("fetched_at", ts, true, "When the last fetch completed (UTC)."),
		Col("error", arrow.BinaryTypes.String, true, "Error of the last failed fetch; null after a success."),
	}, nil),
}
