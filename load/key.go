package load

import (
	"strings"
	"unicode"

	"github.com/govreport/govreport/report"
	"golang.org/x/text/unicode/norm"
)

// AgencyKey returns the stable key of the body that published a report,
// the same across years even when the body names itself differently:
//
//	province/city/county/name
//
// The region levels are the resolved names (empty when a level does not
// apply). The name is the printed agency name, NFKC-normalised, with spaces
// and brackets removed, then:
//   - every leading region name already given by the region is stripped,
//     repeatedly and in any order (淮安市洪泽区人民政府 in 淮安市/洪泽区 →
//     人民政府, and 洪泽区人民政府 → 人民政府 too);
//   - a leading 人民政府 (or 政府) followed by a sub-body is stripped, since
//     番禺区人民政府石壁街道办事处 and 番禺区石壁街道办事处 are the same
//     office, except before 办公室/办公厅: the government's general office
//     is a body of its own, keyed 人民政府办公室;
//   - a bare 政府 becomes 人民政府.
//
// Nothing else is stripped: suffixes such as 办公室 name different bodies
// (the 人民政府办公室 is not the 人民政府). When the region is not
// resolved the key is the normalised full name under empty levels, so the
// key only joins years whose regions were resolved alike.
func AgencyKey(agency string, region report.Region) string {
	levels := []string{region.Province, region.City, region.County}
	name := normName(agency)
	for changed := true; changed; {
		changed = false
		for _, l := range levels {
			l = normName(l)
			if l != "" && strings.HasPrefix(name, l) && len(name) > len(l) {
				name = name[len(l):]
				changed = true
			}
		}
	}
	name = stripGovernment(name)
	return strings.Join([]string{normName(region.Province), normName(region.City), normName(region.County), name}, "/")
}

// normName folds full-width forms (NFKC) and drops spaces, brackets and
// punctuation that publishers add or leave out, and the "/" the key uses.
func normName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || r == '/' || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stripGovernment applies the 人民政府 rules of AgencyKey to a name whose
// region prefix is already stripped.
func stripGovernment(name string) string {
	for _, gov := range []string{"人民政府", "政府"} {
		rest, ok := strings.CutPrefix(name, gov)
		if !ok {
			continue
		}
		switch rest {
		case "":
			return "人民政府"
		case "办公室", "办公厅":
			return "人民政府" + rest
		}
		if gov == "政府" {
			return name // 政府采购中心 and the like: not the government's prefix
		}
		return rest
	}
	return name
}

// reportKey is the agency_key a report is loaded under: AgencyKey, or, when
// the report names no agency, a key of its own (the region, then "?" and
// the report_id), so that unrelated reports without a name are never taken
// for copies of one another nor compared across years.
func reportKey(agency string, region report.Region, id string) string {
	k := AgencyKey(agency, region)
	if strings.HasSuffix(k, "/") {
		k += "?" + id
	}
	return k
}
