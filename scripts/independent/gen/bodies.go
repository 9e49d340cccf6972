package main

import (
	"math/rand/v2"
	"strings"
)

// body is one government body with the region SCHEMA.md assigns it.
type body struct {
	Agency   string // full name, as the report names itself
	Short    string // the name a signature block often uses
	Province string
	City     string
	County   string
	Level    string // ministry, province, city, county, town
	Site     string // the portal the report is published on
	Scale    int    // rough size of request numbers
}

type cityInfo struct {
	Province string
	City     string
	Counties []string
}

// cities lists prefecture-level cities with some of their districts,
// counties and county-level cities (GB/T 2260 as of 2019–2025; names that
// changed in that period are left out).
var cities = []cityInfo{
	{"江苏省", "南京市", []string{"玄武区", "江宁区", "浦口区", "溧水区"}},
	{"江苏省", "苏州市", []string{"昆山市", "常熟市", "张家港市", "吴江区", "姑苏区"}},
	{"江苏省", "无锡市", []string{"江阴市", "宜兴市", "滨湖区"}},
	{"浙江省", "杭州市", []string{"西湖区", "余杭区", "桐庐县", "淳安县", "建德市"}},
	{"浙江省", "宁波市", []string{"鄞州区", "余姚市", "慈溪市", "象山县"}},
	{"广东省", "广州市", []string{"番禺区", "天河区", "越秀区", "从化区"}},
	{"广东省", "深圳市", []string{"南山区", "福田区", "龙岗区"}},
	{"山东省", "济南市", []string{"历下区", "章丘区", "平阴县"}},
	{"山东省", "青岛市", []string{"黄岛区", "胶州市", "平度市"}},
	{"河南省", "郑州市", []string{"金水区", "中牟县", "新郑市", "巩义市"}},
	{"四川省", "成都市", []string{"武侯区", "双流区", "都江堰市", "简阳市", "金堂县"}},
	{"湖北省", "武汉市", []string{"江岸区", "洪山区", "江夏区"}},
	{"湖北省", "宜昌市", []string{"夷陵区", "宜都市", "枝江市", "秭归县"}},
	{"福建省", "福州市", []string{"鼓楼区", "闽侯县", "福清市", "连江县"}},
	{"福建省", "厦门市", []string{"思明区", "湖里区", "同安区"}},
	{"安徽省", "合肥市", []string{"蜀山区", "肥西县", "巢湖市"}},
	{"湖南省", "长沙市", []string{"岳麓区", "浏阳市", "宁乡市", "长沙县"}},
	{"河北省", "石家庄市", []string{"长安区", "正定县", "辛集市"}},
	{"江西省", "南昌市", []string{"东湖区", "南昌县", "进贤县"}},
	{"陕西省", "西安市", []string{"雁塔区", "长安区", "蓝田县"}},
	{"云南省", "昆明市", []string{"五华区", "安宁市", "宜良县"}},
	{"广西壮族自治区", "南宁市", []string{"青秀区", "宾阳县"}},
	{"内蒙古自治区", "呼和浩特市", []string{"赛罕区", "托克托县"}},
	// Municipalities: province and city both hold the municipality.
	{"北京市", "北京市", []string{"朝阳区", "海淀区", "密云区"}},
	{"上海市", "上海市", []string{"浦东新区", "徐汇区", "崇明区"}},
	{"天津市", "天津市", []string{"滨海新区", "和平区"}},
	{"重庆市", "重庆市", []string{"渝中区", "万州区", "巫山县"}},
}

var ministries = []string{"交通运输部", "生态环境部", "水利部", "国家税务总局", "国家林业和草原局", "中国气象局"}

var provDepts = []string{"生态环境厅", "教育厅", "人力资源和社会保障厅", "自然资源厅", "住房和城乡建设厅", "农业农村厅", "交通运输厅", "财政厅", "卫生健康委员会", "市场监督管理局"}

var cityDepts = []string{"市场监督管理局", "教育局", "自然资源和规划局", "生态环境局", "财政局", "民政局", "卫生健康委员会", "住房和城乡建设局", "城市管理局", "人力资源和社会保障局"}

var countyDepts = []string{"教育局", "民政局", "卫生健康局", "财政局", "农业农村局", "市场监督管理局", "司法局", "应急管理局"}

// towns avoids names that are also county names somewhere (龙泉, 白沙, 青山…).
var towns = []string{"城南街道", "新华街道", "东城街道", "城关镇", "桥头镇", "太平镇", "花园街道", "马桥镇", "南苑街道", "金星镇"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// isMunicipality tells the four municipalities, whose bodies are named
// without a province.
func isMunicipality(c cityInfo) bool { return c.Province == c.City }

// countyPrefix is how a county-level body names its place: districts carry
// their city (many district names repeat across the country); counties and
// county-level cities are often named alone.
func countyPrefix(r *rand.Rand, c cityInfo, county string) string {
	if strings.HasSuffix(county, "区") || r.IntN(3) == 0 {
		return c.City + county
	}
	return county
}

func drawBody(r *rand.Rand) body {
	switch lv := r.IntN(10); {
	case lv == 0:
		m := pick(r, ministries)
		return body{Agency: m, Short: m, Level: "ministry", Site: m + "政府网站", Scale: 300}
	case lv <= 2:
		c := pick(r, cities)
		if isMunicipality(c) {
			d := pick(r, cityDepts)
			name := c.City + d
			return body{Agency: name, Short: name, Province: c.Province, City: c.City, Level: "province", Site: c.City + "人民政府门户网站", Scale: 200}
		}
		if r.IntN(4) == 0 {
			name := c.Province + "人民政府办公厅"
			return body{Agency: name, Short: "省政府办公厅", Province: c.Province, Level: "province", Site: c.Province + "人民政府门户网站", Scale: 200}
		}
		name := c.Province + pick(r, provDepts)
		return body{Agency: name, Short: name, Province: c.Province, Level: "province", Site: c.Province + "人民政府门户网站", Scale: 150}
	case lv <= 4:
		c := pick(r, cities)
		if r.IntN(3) == 0 {
			name := c.City + "人民政府"
			return body{Agency: name, Short: name, Province: c.Province, City: c.City, Level: "city", Site: c.City + "人民政府门户网站", Scale: 300}
		}
		d := pick(r, cityDepts)
		name := c.City + d
		short := name
		if r.IntN(2) == 0 && !isMunicipality(c) {
			short = "市" + strings.TrimPrefix(d, "市")
		}
		return body{Agency: name, Short: short, Province: c.Province, City: c.City, Level: "city", Site: c.City + "人民政府门户网站", Scale: 80}
	case lv <= 7:
		c := pick(r, cities)
		county := pick(r, c.Counties)
		place := countyPrefix(r, c, county)
		if r.IntN(2) == 0 {
			name := place + "人民政府"
			return body{Agency: name, Short: county + "人民政府", Province: c.Province, City: c.City, County: county, Level: "county", Site: place + "人民政府网", Scale: 60}
		}
		d := pick(r, countyDepts)
		name := place + d
		return body{Agency: name, Short: county + d, Province: c.Province, City: c.City, County: county, Level: "county", Site: place + "人民政府网", Scale: 20}
	default:
		c := pick(r, cities)
		county := pick(r, c.Counties)
		place := countyPrefix(r, c, county)
		t := pick(r, towns)
		for strings.HasSuffix(county, "区") && !strings.HasSuffix(t, "街道") {
			t = pick(r, towns) // an urban district has streets, not towns
		}
		var name, short string
		if strings.HasSuffix(t, "街道") {
			short = t + "办事处"
			if r.IntN(2) == 0 {
				name = place + "人民政府" + t + "办事处"
			} else {
				name = place + t + "办事处"
			}
		} else {
			short = t + "人民政府"
			name = place + t + "人民政府"
		}
		return body{Agency: name, Short: short, Province: c.Province, City: c.City, County: county, Level: "town", Site: place + "人民政府网", Scale: 6}
	}
}
