package textdoc

import (
	"reflect"
	"strings"
	"testing"
)

// dat builds a line with each text starting at the given display column
// (a CJK character takes two), as fixed-pitch layout text sets it.
func dat(cols ...any) string {
	var sb strings.Builder
	w := 0
	for i := 0; i+1 < len(cols); i += 2 {
		c, text := cols[i].(int), cols[i+1].(string)
		for ; w < c; w++ {
			sb.WriteByte(' ')
		}
		sb.WriteString(text)
		for _, r := range text {
			w += displayWidth(r)
		}
	}
	return sb.String() + "\n"
}

func TestDispFields(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []dispField
	}{
		{"规章  0", []dispField{{"规章", 0, 4}, {"0", 6, 7}}},
		{"  行政 许可    12", []dispField{{"行政 许可", 2, 11}, {"12", 15, 17}}},
		{"a\u3000b", []dispField{{"a", 0, 1}, {"b", 3, 4}}},
		{"（一）予以公开  3", []dispField{{"（一）予以公开", 0, 14}, {"3", 16, 17}}},
		{"", nil},
	} {
		if got := dispFields(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("dispFields(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestIsNumberField(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "+14": true, "1,206": true, "15436.04": true, "11750万元": true, "６": true,
		"2%。": false, "第二十条": false, "-": false, "": false, "U": false,
	} {
		if got := isNumberField(s); got != want {
			t.Errorf("isNumberField(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLayoutRead(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		tables [][][]string
		paras  []string
	}{
		{
			name: "values under header starts keep blanks; wrapped and label-only lines are rows",
			in: "三、收到和处理政府信息公开申请情况\n\n" +
				dat(30, "自然人", 40, "商业企业", 52, "总计") +
				dat(0, "一、本年新收政府信息公开", 30, "4", 52, "4") +
				dat(0, "申请数量") +
				dat(0, "二、上年结转政府信息公开", 40, "1", 52, "1") +
				dat(0, "四、结转下年度继续办理") +
				"\n五、存在的主要问题\n",
			tables: [][][]string{{
				{"", "自然人", "商业企业", "总计"},
				{"一、本年新收政府信息公开", "4", "", "4"},
				{"申请数量", "", "", ""},
				{"二、上年结转政府信息公开", "", "1", "1"},
				{"四、结转下年度继续办理", "", "", ""},
			}},
			paras: []string{"三、收到和处理政府信息公开申请情况", "五、存在的主要问题"},
		},
		{
			name: "a value one column off its header still sits under it",
			in: dat(0, "信息内容", 18, "本年制发件数", 36, "现行有效件数") +
				dat(0, "规章", 19, "2", 37, "9") +
				dat(0, "行政规范性文件", 36, "12"),
			tables: [][][]string{{
				{"信息内容", "本年制发件数", "现行有效件数"},
				{"规章", "2", "9"},
				{"行政规范性文件", "", "12"},
			}},
		},
		{
			name: "values not under their headers: the plain split stands",
			in: dat(2, "项目", 20, "自然人", 28, "商业企业", 48, "总计") +
				dat(2, "一、本年新收", 23, "12", 33, "3", 50, "15") +
				dat(2, "二、上年结转", 23, "1", 33, "2", 50, "3"),
			tables: [][][]string{{
				{"项目", "自然人", "商业企业", "总计"},
				{"一、本年新收", "12", "3", "15"},
				{"二、上年结转", "1", "2", "3"},
			}},
		},
		{
			name: "centred values go to the header whose extent they overlap; the heading above stays a paragraph",
			in: dat(20, "第二十条第（一）项") +
				dat(4, "信息内容", 20, "本年制发件数", 40, "本年废止件数", 60, "现行有效件数") +
				dat(0, "规章", 25, "3", 70, "15") +
				dat(0, "行政规范性文件", 45, "2", 69, "108"),
			tables: [][][]string{{
				{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
				{"规章", "3", "", "15"},
				{"行政规范性文件", "", "2", "108"},
			}},
			paras: []string{"第二十条第（一）项"},
		},
		{
			name: "a wrapped header joins its column, a spanning one is set aside, right-aligned values land nearest",
			in: dat(30, "法人或其他组织") +
				dat(20, "自然人", 30, "商业", 40, "科研", 50, "总计") +
				dat(30, "企业", 40, "机构") +
				dat(0, "一、本年新收", 26, "12", 39, "0", 55, "12") +
				dat(0, "二、上年结转"),
			tables: [][][]string{{
				{"", "", "法人或其他组织", "", ""},
				{"", "自然人", "商业", "科研", "总计"},
				{"", "", "企业", "机构", ""},
				{"一、本年新收", "12", "", "0", "12"},
				{"二、上年结转", "", "", "", ""},
			}},
		},
		{
			name: "a second header set under the value columns: the plain reading stands (its two-field lines are prose)",
			in: dat(4, "信息内容", 20, "本年制发件数", 40, "现行有效件数") +
				dat(0, "规章", 25, "3", 45, "15") +
				dat(4, "信息内容", 20, "本年处理决定数量") +
				dat(0, "行政许可", 26, "40"),
			tables: [][][]string{{
				{"信息内容", "本年制发件数", "现行有效件数"},
				{"规章", "3", "15"},
			}},
			paras: []string{"信息内容        本年处理决定数量", "行政许可                  40"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var tables [][][]string
			var paras []string
			for _, b := range d.Blocks {
				if b.Table != nil {
					tables = append(tables, grid(b.Table))
				} else {
					paras = append(paras, b.Text)
				}
			}
			if !reflect.DeepEqual(tables, tc.tables) {
				t.Errorf("tables:\n got %q\nwant %q", tables, tc.tables)
			}
			if !reflect.DeepEqual(paras, tc.paras) {
				t.Errorf("paragraphs: got %q, want %q", paras, tc.paras)
			}
		})
	}
}
