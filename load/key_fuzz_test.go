package load

import (
	"strings"
	"testing"
)

// FuzzAgencyKey: any printed agency name gives a key of four parts (the
// name part never contains the separator), and naming the body with its
// city and county in front (淮安市洪泽区…) gives the same key as without.
func FuzzAgencyKey(f *testing.F) {
	for _, s := range []string{"洪泽区人民政府", "淮安市洪泽区人民政府办公室", "人民政府", "政府", "", "洪泽区", "a/b", "（本级）", "洪泽区政府采购中心", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, agency string) {
		k := AgencyKey(agency, hongze)
		if parts := strings.Split(k, "/"); len(parts) != 4 {
			t.Fatalf("AgencyKey(%q) = %q: %d parts", agency, k, len(parts))
		}
		if normName(agency) == "" {
			return
		}
		if k2 := AgencyKey("淮安市洪泽区"+agency, hongze); k2 != k {
			t.Errorf("AgencyKey(%q) = %q but with the region in front %q", agency, k, k2)
		}
	})
}
