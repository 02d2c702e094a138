package listings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture reads a file under ../fixtures.
func fixture(t testing.TB, parts ...string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(append([]string{"..", "fixtures"}, parts...)...))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return raw
}

// attrValue is the value of the first attribute called name.
func attrValue(l *Listing, name string) (string, bool) {
	for _, a := range l.Attributes {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

func TestParseHTMLFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file     string
		platform string
		id       string
		title    string
		subtitle string
		min, max float64
		encoding string
		attrs    map[string]string
		skus     []string
		category string
		desc     string // a substring of the description; "" wants none
		descURL  string // a prefix of DescURL
		ignores  int
	}{
		{
			file: "taobao-classic-tshirt.gbk.html", platform: "taobao", id: "708123456789",
			title:    "2024夏季新款纯棉短袖T恤男宽松圆领体恤 全网最低价 百搭半袖打底衫",
			subtitle: "精梳纯棉面料 透气吸汗不变形 下单24小时内发货", min: 39.9, max: 59.9, encoding: "gb18030",
			attrs:   map[string]string{"品牌": "棉语", "材质成分": "棉60% 聚酯纤维40%", "尺码": "M L XL 2XL"},
			skus:    []string{"白色", "黑色", "雾霾蓝", "M", "L", "XL", "2XL"},
			desc:    "𠮷祥小店出品",
			descURL: "https://descnew.taobao.com/i2/700/120/708123456789/",
		},
		{
			file: "taobao-classic-keyboard.html", platform: "taobao", id: "693456781234",
			title:    "键研社K65客制化机械键盘 65%配列 热插拔 Gasket结构 PBT键帽 三模连接",
			subtitle: "铝合金定位板 出厂预润轴体 支持VIA改键", min: 299, max: 369, encoding: "utf-8",
			attrs:   map[string]string{"品牌": "键研社", "型号": "K65", "键帽材质": "PBT"},
			skus:    []string{"奶白", "黑曜", "线性红轴", "段落茶轴"},
			descURL: "https://descnew.taobao.com/",
		},
		{
			file: "tmall-down-jacket.gbk.html", platform: "tmall", id: "735012345678",
			title:    "雪域之家羽绒服女中长款 90%白鸭绒 冬季加厚保暖连帽外套",
			subtitle: "充绒量180g 三防面料 拒绝钻绒 7天无理由退换", min: 899, max: 1099, encoding: "gb18030",
			attrs:   map[string]string{"品牌名称": "雪域之家", "填充物": "白鸭绒", "含绒量": "90%", "充绒量": "180g", "品牌": "雪域之家"},
			skus:    []string{"经典黑", "奶油白", "雾霾蓝", "S", "M", "L", "XL"},
			desc:    "充绒量180g（M码）",
			descURL: "https://descnew.taobao.com/i3/730/010/735012345678/",
		},
		{
			file: "jd-sweater.html", platform: "jd", id: "100087654321",
			title:    "织暖羊毛衫女2024秋冬新款100%羊毛 圆领套头针织毛衣 宽松慵懒风打底衫",
			subtitle: "秋冬上新 羊毛保暖不扎身 满299减30", min: 259, max: 259, encoding: "utf-8",
			attrs:    map[string]string{"品牌": "织暖", "材质": "羊毛70% 锦纶30%", "商品编号": "100087654321", "货号": "ZN24Q1088"},
			skus:     []string{"燕麦色", "黑色", "酒红色", "S", "M", "L", "XL"},
			category: "服饰内衣 > 女装 > 针织衫",
			desc:     "细腻亲肤，柔软不扎身",
			descURL:  "https://cd.jd.com/description/channel?skuId=100087654321",
		},
		{
			file: "taobao-new-dress.html", platform: "taobao", id: "781234509876",
			title:    "法式碎花连衣裙女夏季2024新款收腰显瘦气质雪纺长裙",
			subtitle: "仙气飘飘 垂感雪纺 内衬不透 店铺销量第一", min: 169, max: 169, encoding: "utf-8",
			attrs:    map[string]string{"品牌": "小雏菊", "材质成分": "聚酯纤维100%", "腰型": "高腰", "货号": "XDJ2405"},
			skus:     []string{"蓝色碎花", "粉色碎花", "S", "M", "L"},
			category: "女装 > 连衣裙",
			desc:     "轻盈垂感雪纺面料",
			descURL:  "https://itemcdn.tmall.com/desc/",
		},
		{
			file: "generic-jsonld-tea.html", platform: "generic", id: "LJ-2024-250",
			title: "明前特级西湖龙井 2024新茶 250g礼盒装", min: 368, max: 698, encoding: "utf-8",
			attrs:    map[string]string{"品牌": "龙坞茶舍", "等级": "特级", "净含量": "250g", "执行标准": "GB/T 18650"},
			skus:     []string{"250g礼盒装", "500g礼盒装"},
			category: "茶叶 > 绿茶 > 西湖龙井",
			desc:     "最佳饮用温度为80-85℃",
			ignores:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			l, err := ParseHTML(tt.file, fixture(t, "pages", tt.file))
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			checkListing(t, l, tt.platform, tt.id, tt.title, tt.subtitle, tt.encoding)
			if l.Price.Min != tt.min || l.Price.Max != tt.max || l.Price.Currency != "CNY" {
				t.Errorf("price = %+v, want %v-%v CNY", l.Price, tt.min, tt.max)
			}
			for name, want := range tt.attrs {
				if got, ok := attrValue(l, name); got != want {
					t.Errorf("attribute %s = %q (found %v), want %q", name, got, ok, want)
				}
			}
			if strings.Join(l.SKUs, "|") != strings.Join(tt.skus, "|") {
				t.Errorf("skus = %q, want %q", l.SKUs, tt.skus)
			}
			if l.Category != tt.category {
				t.Errorf("category = %q, want %q", l.Category, tt.category)
			}
			if tt.desc == "" && l.Description != "" || !strings.Contains(l.Description, tt.desc) {
				t.Errorf("description = %q, want it to hold %q", l.Description, tt.desc)
			}
			if !strings.HasPrefix(l.DescURL, tt.descURL) || (tt.descURL == "") != (l.DescURL == "") {
				t.Errorf("desc url = %q, want prefix %q", l.DescURL, tt.descURL)
			}
			if len(l.Ignores) != tt.ignores {
				t.Errorf("ignores = %+v, want %d", l.Ignores, tt.ignores)
			}
		})
	}
}

// checkListing checks the fields every page has, and that no field holds
// U+FFFD or leftover markup.
func checkListing(t *testing.T, l *Listing, platform, id, title, subtitle, enc string) {
	t.Helper()
	if l.Platform != platform || l.ID != id || l.Encoding != enc {
		t.Errorf("platform, id, encoding = %q, %q, %q; want %q, %q, %q", l.Platform, l.ID, l.Encoding, platform, id, enc)
	}
	if l.Title != title {
		t.Errorf("title = %q, want %q", l.Title, title)
	}
	if l.Subtitle != subtitle {
		t.Errorf("subtitle = %q, want %q", l.Subtitle, subtitle)
	}
	if l.Raw == "" || l.Source == "" {
		t.Error("Raw and Source must be kept")
	}
	fields := append([]string{l.Title, l.Subtitle, l.Description, l.Category}, l.SKUs...)
	for _, a := range l.Attributes {
		fields = append(fields, a.Name, a.Value)
	}
	for _, f := range fields {
		if strings.ContainsAny(f, "\uFFFD\u00A0") || strings.Contains(f, "&nbsp;") || strings.Contains(f, "</") {
			t.Errorf("field %q holds U+FFFD, markup or a no-break space", f)
		}
	}
}

func TestParseHTMLMinimal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, html, title, platform string
		attrs                       map[string]string
	}{
		{"og title only", `<html><head><meta property="og:title" content="新款茶具"><meta property="og:url" content="https://item.jd.com/12345678.html"></head><body></body></html>`,
			"新款茶具", "jd", nil},
		{"h1 and dl", `<html><body><h1> 纯棉  毛巾 </h1><dl><dt>材质</dt><dd>棉100%</dd><dt>尺寸</dt><dd>34×76cm</dd></dl></body></html>`,
			"纯棉 毛巾", "generic", map[string]string{"材质": "棉100%", "尺寸": "34×76cm"}},
		{"table and list", `<html><body><h1>羽绒被</h1><table><tr><td>填充物</td><td>白鹅绒</td></tr><tr><td colspan="2">说明</td></tr></table><ul><li>含绒量: 95%</li><li>这是一句话，没有冒号</li></ul></body></html>`,
			"羽绒被", "generic", map[string]string{"填充物": "白鹅绒", "含绒量": "95%"}},
		{"title tag only", `<html><head><title>蚕丝被 - 某某商城</title></head></html>`, "蚕丝被 - 某某商城", "generic", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, err := ParseHTML("page.html", []byte(tt.html))
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if l.Title != tt.title || l.Platform != tt.platform {
				t.Errorf("title, platform = %q, %q; want %q, %q", l.Title, l.Platform, tt.title, tt.platform)
			}
			if len(l.Attributes) != len(tt.attrs) {
				t.Errorf("attributes = %+v, want %v", l.Attributes, tt.attrs)
			}
			for name, want := range tt.attrs {
				if got, _ := attrValue(l, name); got != want {
					t.Errorf("attribute %s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestParseHTMLNoListing(t *testing.T) {
	t.Parallel()
	_, err := ParseHTML("blank.html", []byte("<html><body><script>var a = 1;</script></body></html>"))
	if err == nil || !strings.Contains(err.Error(), ErrNoListing.Error()) {
		t.Fatalf("err = %v, want ErrNoListing", err)
	}
}

func TestParseHTMLPlaceholderDescription(t *testing.T) {
	t.Parallel()
	page := `<html><body><h3 class="tb-main-title">键盘</h3><div id="J_DivItemDesc">  描述加载中  </div></body></html>`
	l, err := ParseHTML("kb.html", []byte(page))
	if err != nil {
		t.Fatalf("ParseHTML: %v", err)
	}
	if l.Description != "" {
		t.Errorf("description = %q, want the loading placeholder dropped", l.Description)
	}
	if l.ID != "kb" {
		t.Errorf("id = %q, want the file stem", l.ID)
	}
}
