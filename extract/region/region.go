package region

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/report"
)

//go:embed gazetteer.tsv
var gazetteerTSV string

// Level of a division in the hierarchy.
type Level uint8

// Levels, from the top.
const (
	Province Level = iota + 1
	City
	County
)

// Division is one entry of the gazetteer.
type Division struct {
	Code   string
	Name   string
	Level  Level
	parent int32 // index into gazetteer.divs; -1 for a province
}

// nameRef is one string the scanner looks for and the divisions it may
// mean.
type nameRef struct {
	name string
	ids  []int32
	// short marks a name written without its suffix (番禺 for 番禺区): it
	// counts only right after its parent's name.
	short bool
	// weak marks a two-character full name (城区, 和县): common enough as a
	// word that it counts only at the start of a text or after its parent.
	weak bool
}

type gazetteer struct {
	divs   []Division
	byCode map[string]int32
	// byRune indexes every name by its first rune, longest name first.
	byRune map[rune][]*nameRef
	// byPair indexes the same names by their first two runes, in the same
	// order, so that the scan tries only names that can match; starts
	// marks the runes below 0x10000 that begin a name, so that most
	// runes of a text cost no map lookup. Both are used only when every
	// name has two runes or more (singleRune false).
	byPair     map[uint64][]*nameRef
	starts     [0x10000 / 64]uint64
	singleRune bool
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
	gazErr  error
)

func load() (*gazetteer, error) {
	gazOnce.Do(func() { gaz, gazErr = parse(gazetteerTSV) })
	return gaz, gazErr
}

// parse builds the gazetteer from the embedded TSV and the alias table.
func parse(tsv string) (*gazetteer, error) {
	g := &gazetteer{byCode: map[string]int32{}, byRune: map[rune][]*nameRef{}}
	parents := []string{}
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("gazetteer line %d: want 4 fields, got %d", n+1, len(f))
		}
		var lv Level
		switch f[3] {
		case "province":
			lv = Province
		case "city":
			lv = City
		case "county":
			lv = County
		default:
			return nil, fmt.Errorf("gazetteer line %d: unknown level %q", n+1, f[3])
		}
		g.byCode[f[0]] = int32(len(g.divs))
		g.divs = append(g.divs, Division{Code: f[0], Name: f[1], Level: lv, parent: -1})
		parents = append(parents, f[2])
	}
	for i, p := range parents {
		if p == "" {
			continue
		}
		pi, ok := g.byCode[p]
		if !ok {
			return nil, fmt.Errorf("gazetteer: %s has unknown parent %s", g.divs[i].Code, p)
		}
		g.divs[i].parent = pi
	}

	full := map[string][]int32{}
	short := map[string][]int32{}
	for i, d := range g.divs {
		id := int32(i)
		// A municipality is found through its city entry, which carries
		// the same name, so that 上海市 resolves to 上海市/上海市.
		if d.Level == Province && isMunicipality(d.Code) {
			continue
		}
		full[d.Name] = append(full[d.Name], id)
		if s := shortForm(d); s != "" {
			short[s] = append(short[s], id)
		}
	}
	for _, a := range aliases {
		id, ok := g.byCode[a.code]
		if !ok {
			return nil, fmt.Errorf("alias %s: unknown code %s", a.name, a.code)
		}
		full[a.name] = append(full[a.name], id)
	}
	add := func(name string, ids []int32, isShort bool) {
		r, _ := utf8.DecodeRuneInString(name)
		ref := &nameRef{name: name, ids: ids, short: isShort,
			weak: !isShort && utf8.RuneCountInString(name) <= 2}
		g.byRune[r] = append(g.byRune[r], ref)
	}
	for name, ids := range full {
		add(name, ids, false)
	}
	for name, ids := range short {
		if _, clash := full[name]; clash {
			continue // the full name of another division wins
		}
		add(name, ids, true)
	}
	for _, refs := range g.byRune {
		sort.Slice(refs, func(i, j int) bool {
			if len(refs[i].name) != len(refs[j].name) {
				return len(refs[i].name) > len(refs[j].name)
			}
			return refs[i].name < refs[j].name
		})
	}
	g.byPair = map[uint64][]*nameRef{}
	for r, refs := range g.byRune {
		if r >= 0 && r < 0x10000 {
			g.starts[r/64] |= 1 << (r % 64)
		}
		for _, ref := range refs {
			_, size := utf8.DecodeRuneInString(ref.name)
			if size == len(ref.name) {
				g.singleRune = true
				continue
			}
			r2, _ := utf8.DecodeRuneInString(ref.name[size:])
			k := pairKey(r, r2)
			g.byPair[k] = append(g.byPair[k], ref)
		}
	}
	return g, nil
}

func pairKey(r1, r2 rune) uint64 { return uint64(uint32(r1))<<32 | uint64(uint32(r2)) }

// candidates returns the names that may start at t[i:], whose first rune r
// is size bytes long, longest first.
func (g *gazetteer) candidates(t string, i int, r rune, size int) []*nameRef {
	if g.singleRune {
		return g.byRune[r]
	}
	if r >= 0 && r < 0x10000 && g.starts[r/64]&(1<<(r%64)) == 0 {
		return nil
	}
	if i+size >= len(t) {
		return nil // a name has two runes at least
	}
	r2, _ := utf8.DecodeRuneInString(t[i+size:])
	return g.byPair[pairKey(r, r2)]
}

func isMunicipality(code string) bool {
	switch code[:2] {
	case "11", "12", "31", "50":
		return true
	}
	return false
}

// ethnic lists the ethnic group names that appear in the names of
// autonomous prefectures, counties and banners, longest first where one
// ends another (土家 before 土).
var ethnic = []string{
	"柯尔克孜", "乌孜别克", "维吾尔", "哈萨克", "达斡尔", "鄂伦春", "鄂温克", "塔吉克", "俄罗斯", "塔塔尔",
	"土家", "蒙古", "朝鲜", "布依", "哈尼", "傈僳", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗", "撒拉",
	"毛南", "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺",
	"高山", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土",
	"羌", "怒", "京",
}

// shortForm is the name without its administrative suffix, or "" when
// stripping it would leave something too short or meaningless.
func shortForm(d Division) string {
	n := d.Name
	stem := ""
	switch {
	case d.Level == Province:
		return "" // 江苏 and the like occur too often in other senses
	case strings.HasSuffix(n, "自治州"), strings.HasSuffix(n, "自治县"), strings.HasSuffix(n, "自治旗"):
		stem = stripEthnic(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, "自治州"), "自治县"), "自治旗"))
	case d.Level == City && strings.HasSuffix(n, "地区"):
		stem = strings.TrimSuffix(n, "地区")
	case d.Level == City && (strings.HasSuffix(n, "市") || strings.HasSuffix(n, "盟")):
		stem = n[:len(n)-len("市")]
	case d.Level == County && strings.HasSuffix(n, "林区"):
		stem = strings.TrimSuffix(n, "林区")
	case d.Level == County && utf8.RuneCountInString(n) <= 4:
		for _, suf := range []string{"区", "县", "市", "旗"} {
			if strings.HasSuffix(n, suf) {
				stem = strings.TrimSuffix(n, suf)
			}
		}
		// 浦东新区 → 浦东新 and 市中区 → 市中 are not names anyone writes.
		if strings.HasSuffix(stem, "新") || strings.HasSuffix(stem, "城") || strings.HasPrefix(stem, "市") {
			stem = ""
		}
	}
	if utf8.RuneCountInString(stem) < 2 {
		return ""
	}
	return stem
}

func stripEthnic(s string) string {
	for {
		trimmed := false
		for _, e := range ethnic {
			if strings.HasSuffix(s, e+"族") {
				s = strings.TrimSuffix(s, e+"族")
				trimmed = true
				break
			}
		}
		if !trimmed {
			return s
		}
	}
}

// mention is one place name found in a text.
type mention struct {
	start, end int
	ids        []int32
}

// isAncestorOrSelf reports whether a is b or one of b's ancestors.
func (g *gazetteer) isAncestorOrSelf(a, b int32) bool {
	for b >= 0 {
		if a == b {
			return true
		}
		b = g.divs[b].parent
	}
	return false
}

// hasParent reports whether any of ids is the parent of id.
func (g *gazetteer) hasParent(ids []int32, id int32) bool {
	p := g.divs[id].parent
	for _, x := range ids {
		if x == p {
			return true
		}
	}
	return false
}

// rejectFollower tells a name that is really the start of another word:
// 东方市场 is a market, not 东方市; 洪泽湖 is a lake, not 洪泽(区).
func rejectFollower(ref *nameRef, next rune) bool {
	last, _ := utf8.DecodeLastRuneInString(ref.name)
	if last == '市' && next == '场' {
		return true
	}
	if (last == '区' || last == '县') && next == '域' {
		return true
	}
	if ref.short {
		return strings.ContainsRune("湖山河江海路街桥港湾岛", next)
	}
	return false
}

// scan finds the place names of one text, left to right, longest first.
// The text must have no whitespace.
func (g *gazetteer) scan(t string) []mention {
	var ms []mention
	begin := strings.IndexFunc(t, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	if begin < 0 {
		return nil
	}
	for i := begin; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		var prev []int32
		if len(ms) > 0 && ms[len(ms)-1].end == i {
			prev = ms[len(ms)-1].ids
		}
		found := false
		// skip is the end of the longest name that matched here but was
		// not accepted (番禺 with no 广州 before it): the scan resumes after
		// it, so that its tail is not read as another name (上海城市 is
		// not 海城市).
		skip := i + size
		for _, ref := range g.candidates(t, i, r, size) {
			if !strings.HasPrefix(t[i:], ref.name) {
				continue
			}
			end := i + len(ref.name)
			if end < len(t) {
				next, _ := utf8.DecodeRuneInString(t[end:])
				if rejectFollower(ref, next) {
					continue
				}
			}
			ids := ref.ids
			if ref.short || (ref.weak && i != begin) {
				ids = nil
				for _, id := range ref.ids {
					if g.hasParent(prev, id) {
						ids = append(ids, id)
					}
				}
			}
			if len(ids) == 0 {
				skip = max(skip, end)
				continue
			}
			ms = append(ms, mention{start: i, end: end, ids: ids})
			i = end
			found = true
			break
		}
		if !found {
			i = skip
		}
	}
	return ms
}

// deepen follows the mentions of the first text that names a place: each
// mention refines the hypotheses (a child narrows to the child, a parent
// picks the hypotheses under it); a mention that fits none of them names
// some other place and is ignored.
func (g *gazetteer) deepen(ms []mention) []int32 {
	var state []int32
	for _, m := range ms {
		if state == nil {
			state = append([]int32(nil), m.ids...)
			continue
		}
		var next []int32
		for _, h := range state {
			for _, c := range m.ids {
				switch {
				case g.isAncestorOrSelf(h, c):
					next = appendUnique(next, c)
				case g.isAncestorOrSelf(c, h):
					next = appendUnique(next, h)
				}
			}
		}
		if len(next) > 0 {
			state = next
		}
	}
	return state
}

// narrow keeps the hypotheses that a later, less authoritative text
// confirms by naming them or one of their ancestors. It never deepens: the
// body text of a city report may name its districts.
func (g *gazetteer) narrow(state []int32, ms []mention) []int32 {
	for _, m := range ms {
		if len(state) < 2 {
			return state
		}
		var next []int32
		for _, h := range state {
			for _, c := range m.ids {
				if g.isAncestorOrSelf(c, h) {
					next = appendUnique(next, h)
					break
				}
			}
		}
		if len(next) > 0 {
			state = next
		}
	}
	return state
}

func appendUnique(s []int32, v int32) []int32 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// path returns the province, city and county indices of a division (-1
// where a level does not apply).
func (g *gazetteer) path(id int32) [3]int32 {
	p := [3]int32{-1, -1, -1}
	for id >= 0 {
		p[g.divs[id].Level-1] = id
		id = g.divs[id].parent
	}
	return p
}

// region turns the hypotheses into a Region: what they all agree on.
func (g *gazetteer) region(state []int32) report.Region {
	if len(state) == 0 {
		return report.Region{}
	}
	common := g.path(state[0])
	for _, h := range state[1:] {
		p := g.path(h)
		for lv := 0; lv < 3; lv++ {
			if p[lv] != common[lv] {
				for k := lv; k < 3; k++ {
					common[k] = -1
				}
				break
			}
		}
	}
	var r report.Region
	for lv, id := range common {
		if id < 0 {
			if lv == 0 {
				return report.Region{} // no agreement even on the province
			}
			continue
		}
		switch Level(lv + 1) {
		case Province:
			r.Province = g.divs[id].Name
		case City:
			r.City = g.divs[id].Name
		case County:
			r.County = g.divs[id].Name
		}
		r.Code = g.divs[id].Code
	}
	return r
}

func squeeze(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if !unicode.IsSpace(r) {
			// The bytes as they are: an invalid byte stays one.
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
		}
	}
	return b.String()
}

// Resolve places a body in the hierarchy from texts given most
// authoritative first (agency name, title, crawler hint, body text). The
// first text that names a place decides; later texts only choose between
// the candidates an ambiguous name left open. A level that stays
// ambiguous, or that no text names, is left empty. Region.Code is the
// GB/T 2260 code of the deepest level resolved.
func Resolve(texts ...string) report.Region {
	g, err := load()
	if err != nil {
		return report.Region{}
	}
	var state []int32
	for _, t := range texts {
		ms := g.scan(squeeze(t))
		if len(ms) == 0 {
			continue
		}
		if state == nil {
			state = g.deepen(ms)
			continue
		}
		state = g.narrow(state, ms)
	}
	return g.region(state)
}

// Lookup returns the region of a GB/T 2260 code in the gazetteer.
func Lookup(code string) (report.Region, bool) {
	g, err := load()
	if err != nil {
		return report.Region{}, false
	}
	id, ok := g.byCode[code]
	if !ok {
		return report.Region{}, false
	}
	return g.region([]int32{id}), true
}

// Divisions returns every division of the gazetteer, in code order.
func Divisions() ([]Division, error) {
	g, err := load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	return append([]Division(nil), g.divs...), nil
}
