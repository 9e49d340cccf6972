package region

// alias maps a body or area name that GB/T 2260 (and so the gazetteer) does
// not list to the division that administers it. The code may be of any
// level: where a 新区 spans several cities only the province is claimed.
//
// Each entry is well documented public knowledge; keep the table small and
// add a name only when the administering division is unambiguous.
type alias struct {
	name string
	code string
	why  string
}

var aliases = []alias{
	{"平潭综合实验区", "350128", "administered as 平潭县 of 福州市 (one government)"},
	{"青岛西海岸新区", "370211", "one government with 黄岛区 of 青岛市"},
	{"广州南沙新区", "440115", "one government with 南沙区 of 广州市"},
	{"南沙新区", "440115", "one government with 南沙区 of 广州市"},
	{"大连金普新区", "210200", "spans 金州区 and part of 普兰店区: 大连市"},
	{"金普新区", "210200", "spans 金州区 and part of 普兰店区: 大连市"},
	{"两江新区", "500100", "a 新区 inside 重庆市"},
	{"南京江北新区", "320100", "a 新区 inside 南京市"},
	{"江北新区", "320100", "a 新区 inside 南京市 (江北区 of 重庆/宁波 are matched by their own names)"},
	{"浙江舟山群岛新区", "330900", "covers 舟山市"},
	{"舟山群岛新区", "330900", "covers 舟山市"},
	{"福州新区", "350100", "a 新区 inside 福州市"},
	{"哈尔滨新区", "230100", "a 新区 inside 哈尔滨市"},
	{"长春新区", "220100", "a 新区 inside 长春市"},
	{"湖南湘江新区", "430100", "a 新区 inside 长沙市"},
	{"湘江新区", "430100", "a 新区 inside 长沙市"},
	{"四川天府新区", "510000", "spans 成都市 and 眉山市: province only"},
	{"天府新区", "510000", "spans 成都市 and 眉山市: province only"},
	{"河北雄安新区", "130000", "spans 雄县, 容城县, 安新县: province only"},
	{"雄安新区", "130000", "spans 雄县, 容城县, 安新县: province only"},
	{"陕西西咸新区", "610000", "spans 西安市 and 咸阳市: province only"},
	{"西咸新区", "610000", "spans 西安市 and 咸阳市: province only"},
	{"贵州贵安新区", "520000", "spans 贵阳市 and 安顺市: province only"},
	{"贵安新区", "520000", "spans 贵阳市 and 安顺市: province only"},
	{"江西赣江新区", "360000", "spans 南昌市 and 九江市: province only"},
	{"赣江新区", "360000", "spans 南昌市 and 九江市: province only"},
	{"云南滇中新区", "530000", "spans several cities: province only"},
	{"滇中新区", "530000", "spans several cities: province only"},
	{"横琴粤澳深度合作区", "440400", "on 横琴岛 of 珠海市"},
	{"横琴新区", "440400", "on 横琴岛 of 珠海市"},
	{"前海深港现代服务业合作区", "440300", "inside 深圳市"},
}
