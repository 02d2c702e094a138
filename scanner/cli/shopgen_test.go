package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// erpRow is one listing of the generated shop: a title, a price, the
// 规格属性 cell (where ERP exports keep 材质成分) and the 详情描述.
type erpRow struct{ title, price, attrs, desc string }

// erpKinds are the listings the generated shop repeats, clean and not:
// a replica word, refusals of invoices and returns, pressure words, an
// absolute claim, fibre content the attributes back, and plain listings.
var erpKinds = []erpRow{
	{"秋冬新款纯棉卫衣男 宽松连帽", "129.00", "材质成分:棉100%;适用季节:秋季", "<p>新疆长绒棉，亲肤透气。</p>"},
	{"真丝围巾女 桑蚕丝方巾", "299.00", "材质成分:桑蚕丝100%", "<p>重磅真丝，礼盒包装。</p>"},
	{"加绒保暖打底裤", "59.90", "材质成分:聚酯纤维90% 氨纶10%", "<p>仅此一次，随时涨价，手慢无！</p>"},
	{"高仿大牌羊绒围巾 原单", "89.00", "材质成分:腈纶100%", "<p>专柜品质。</p>"},
	{"男士商务皮鞋 头层牛皮", "359.00", "材质:头层牛皮", "<p>特价商品，售出不退不换。本店不开发票。</p>"},
	{"国家级工艺 紫砂茶壶", "268.00", "材质:紫砂", "<p>手工制作。</p>"},
	{"儿童羽绒服 白鸭绒", "399.00", "绒子含量:90%;充绒量:120g", "<p>含绒量90%，轻薄保暖。</p>"},
	{"简约陶瓷马克杯 大容量", "39.00", "材质:陶瓷", "<p>可微波炉加热。</p>"},
	{"北欧风实木餐椅", "459.00", "材质:白橡木", "<p>榫卯结构，稳固耐用。</p>"},
	{"亚麻桌布 棉麻格纹", "69.00", "材质成分:亚麻55% 棉45%", "<p>可机洗。</p>"},
	{"不锈钢保温杯 500ml", "88.00", "材质:316不锈钢", "<p>保温12小时。</p>"},
	{"纯棉四件套 全棉床单被套", "329.00", "材质成分:棉100%", "<p>A类面料，婴儿可用。</p>"},
	{"懒人沙发 豆袋", "199.00", "填充物:EPP粒子", "<p>可拆洗外套。</p>"},
	{"羊毛地毯 客厅", "599.00", "材质成分:羊毛80% 锦纶20%", "<p>手工簇绒。</p>"},
	{"记忆棉枕头 护颈", "129.00", "填充物:记忆棉", "<p>慢回弹。</p>"},
	{"竹纤维毛巾 3条装", "49.00", "材质成分:竹纤维70% 棉30%", "<p>吸水速干。</p>"},
}

// erpShopExport is an ERP export of n listings as a seller downloads it:
// an export-time line above the header, columns xiaoer knows (商品ID,
// 商品名称, 零售价, 规格属性, 详情描述) and columns it does not (库存, 运费
// 模板, 备注), four rows with a blank title and six ids Excel turned into
// 6.45202E+11. It returns the CSV and the data rows that must fail.
func erpShopExport(n int) (string, map[int]string) {
	var b strings.Builder
	b.WriteString("导出时间：2026-11-20 10:32:15\r\n")
	b.WriteString("商品ID,商品名称,零售价,规格属性,详情描述,库存,运费模板,备注\r\n")
	bad := map[int]string{}
	for i := 1; i <= n; i++ {
		k := erpKinds[i%len(erpKinds)]
		id, title := fmt.Sprint(645202118000+i), fmt.Sprintf("%s %03d", k.title, i)
		switch {
		case i%50 == 7: // 4 of 200
			title, bad[i] = "", "empty title"
		case i%33 == 5: // 6 of 200
			id, bad[i] = "6.45202E+11", "scientific notation"
		}
		price, _ := strconv.ParseFloat(k.price, 64)
		price += float64(i%13) * 5 // sizes and colours priced apart
		fmt.Fprintf(&b, "%s,%s,%.2f,%q,%q,%d,%s,%s\r\n", id, title, price, k.attrs, k.desc, 10+i%90, "包邮模板", "")
	}
	return b.String(), bad
}

// writeShopExport writes a generated export of n rows into dir.
func writeShopExport(t *testing.T, dir string, n int) (string, map[int]string) {
	t.Helper()
	text, bad := erpShopExport(n)
	path := filepath.Join(dir, fmt.Sprintf("erp-%d.csv", n))
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, bad
}
