package facts

import (
	"fmt"
	"strings"
	"testing"
)

// promiseCase is listing copy in one field and the promises it must yield,
// written as "kind text" plus the figures that matter (h=hours n=N
// scope=... cond=... carrier=...), in order of appearance.
type promiseCase struct {
	name  string
	field string
	text  string
	want  []string
}

// promiseCases are copy in one field of every family of promise, with
// what Promises must find in it (TestPromises; TestPromiseWords reads the
// texts too).
var promiseCases = []promiseCase{
	// Shipping (issue 5).
	{"immediate in title", FieldTitle, "现货秒发 夏季纯棉短袖T恤男宽松圆领", []string{"ship_immediate 现货秒发"}},
	{"24h and carrier postage", FieldSubtitle, "24小时发货，顺丰包邮，7天无理由退换", []string{"ship_within_hours 24小时发货 h=24", "postage_free 顺丰包邮 carrier=顺丰", "returns_7day 7天无理由退换 n=7"}},
	{"48h within", FieldDescription, "本店承诺付款后48小时内发货，超时赔付。", []string{"ship_within_hours 付款后48小时内发货 h=48"}},
	{"same day", FieldSubtitle, "下午4点前付款当天发", []string{"ship_same_day 当天发 h=24"}},
	{"attribute window", FieldAttributes, "品牌: 森马\n发货时间: 付款后15天内", []string{"ship_after_payment_days 付款后15天内 h=360 n=15"}},
	{"attribute window in hours", FieldAttributes, "发货时效: 48小时内", []string{"ship_within_hours 48小时内 h=48"}},
	{"chinese numerals", FieldDescription, "下单后十五天内发货", []string{"ship_after_payment_days 下单后十五天内发货 h=360 n=15"}},
	{"range takes the upper end", FieldDescription, "手工制作，下单后3-5个工作日发货。", []string{"ship_after_payment_days 下单后3-5个工作日发货 h=120 n=5"}},
	{"presale days", FieldTitle, "【预售15天】羊绒大衣女", []string{"presale 预售15天 h=360 n=15"}},
	{"presale attribute", FieldAttributes, "是否预售: 是", []string{"presale 是否预售: 是"}},
	{"not presale", FieldAttributes, "是否预售: 否\n货号: A123", nil},
	{"not in stock", FieldDescription, "非现货，下单后7天发货。", []string{"ship_after_payment_days 下单后7天发货 h=168 n=7"}},
	{"in stock", FieldDescription, "仓库现货充足，放心拍。", []string{"in_stock 现货充足"}},
	{"shelf life is no window", FieldDescription, "保质期15天，24小时客服在线，72小时到达。", nil},
	{"variant scopes", FieldDescription, "现货款48小时发货，预售款付款后15天内发货。", []string{"in_stock 现货 scope=partial", "ship_within_hours 48小时发货 h=48 scope=partial", "presale 预售 scope=partial", "ship_after_payment_days 付款后15天内发货 h=360 n=15 scope=partial"}},
	{"full width and traditional", FieldTitle, "２４小時發貨 全國包郵", []string{"ship_within_hours ２４小時發貨 h=24", "postage_free 全國包郵 scope=all"}},
	{"holiday caveat keeps the promise", FieldDescription, "付款后48小时内发货（节假日顺延）。", []string{"ship_within_hours 付款后48小时内发货 h=48"}},
	{"sale period narrows it", FieldDescription, "大促期间72小时内发货。", []string{"ship_within_hours 72小时内发货 h=72 scope=partial"}},
	{"shop policy by item class", FieldDescription, "现货商品48小时内发货，预售商品付款后15天内发货。", []string{"in_stock 现货 scope=partial", "ship_within_hours 48小时内发货 h=48 scope=partial", "presale 预售 scope=partial", "ship_after_payment_days 付款后15天内发货 h=360 n=15 scope=partial"}},
	{"presale over", FieldSubtitle, "预售已结束 现货发售", []string{"in_stock 现货发售"}},
	{"a date is no window", FieldDescription, "预售，预计12月1日发货。", []string{"presale 预售"}},
	// Returns.
	{"refused 7 days", FieldDescription, "本商品不支持七天无理由退货。", []string{"returns_refused 不支持七天无理由退货"}},
	{"refused after label", FieldAttributes, "七天无理由退货: 不支持", []string{"returns_refused 七天无理由退货: 不支持"}},
	{"sold no returns", FieldDescription, "一经售出，概不退换！", []string{"returns_refused 概不退换"}},
	{"sold no returns one clause", FieldSubtitle, "售出不退不换", []string{"returns_refused 售出不退不换"}},
	{"non quality", FieldDescription, "质量问题包退，非质量问题不退换。", []string{"returns_refused 非质量问题不退换"}},
	{"intact condition", FieldDescription, "支持7天无理由退换，吊牌剪掉后不退不换。", []string{"returns_7day 7天无理由退换 n=7", "returns_refused 不退不换 cond=intact"}},
	{"unsealed condition", FieldDescription, "化妆品属特殊商品，一经拆封不退不换。", []string{"returns_refused 不退不换 cond=unsealed"}},
	{"activation condition", FieldDescription, "手机激活后不支持七天无理由退货", []string{"returns_refused 不支持七天无理由退货 cond=activated"}},
	{"custom refusal", FieldDescription, "定制商品不支持退换", []string{"returns_refused 不支持退换"}},
	{"offer with exception", FieldSubtitle, "支持7天无理由退货（定制商品除外）", []string{"returns_7day 7天无理由退货 n=7"}},
	{"fifteen days", FieldSubtitle, "15天无理由退换", []string{"returns_7day 15天无理由退换 n=15"}},
	{"return postage is not postage", FieldDescription, "退货运费由买家承担。", []string{"returns_postage_buyer 退货运费由买家承担"}},
	{"worry free is no negation", FieldSubtitle, "质量无忧7天无理由退换", []string{"returns_7day 7天无理由退换 n=7"}},
	{"a quality claim before an offer is no refusal", FieldSubtitle, "三防面料 拒绝钻绒 7天无理由退换", []string{"returns_7day 7天无理由退换 n=7"}},
	{"refusal with a verb between", FieldDescription, "本商品不能享受七天无理由退货。", []string{"returns_refused 不能享受七天无理由退货"}},
	{"none right before", FieldAttributes, "服务: 无7天无理由退货", []string{"returns_refused 无7天无理由退货"}},
	{"unhappy buyers may return", FieldDescription, "收到不满意，7天无理由退换。", []string{"returns_7day 7天无理由退换 n=7"}},
	{"fade is not a return", FieldDescription, "不起球不退色，机洗无忧。", nil},
	// Invoices.
	{"invoice refused", FieldDescription, "本店不开发票，价格已是最低。", []string{"invoice_refused 不开发票"}},
	{"invoice attribute refused", FieldAttributes, "发票: 无", []string{"invoice_refused 发票: 无"}},
	{"invoice surcharge percent", FieldDescription, "需要发票另加6%税点。", []string{"invoice_surcharge 需要发票另加6%税点 n=6"}},
	{"invoice surcharge money", FieldDescription, "开票需加钱，请联系客服。", []string{"invoice_surcharge 开票需加钱"}},
	{"special invoice surcharge", FieldDescription, "可开专票，专票加3个点。", []string{"invoice_available 可开专票", "invoice_surcharge 专票加3个点 n=3"}},
	{"discount without invoice", FieldDescription, "不开票优惠5元。", []string{"invoice_surcharge 不开票优惠"}},
	{"tax excluded", FieldSubtitle, "价格不含税", []string{"invoice_surcharge 不含税"}},
	{"invoice free", FieldDescription, "可开发票，开票不加点。", []string{"invoice_available 可开发票", "invoice_available 开票不加点"}},
	{"invoice with goods", FieldSubtitle, "正品行货 发票随货", []string{"guarantee_genuine 正品行货", "invoice_available 发票随货"}},
	{"rush is no surcharge", FieldDescription, "发票随货加急处理", []string{"invoice_available 发票随货"}},
	// Guarantees.
	{"fake times ten", FieldTitle, "正品保障 假一赔十 耐克运动鞋", []string{"guarantee_genuine 正品保障", "guarantee_fake_multiplier 假一赔十 n=10"}},
	{"fake fined three", FieldSubtitle, "假一罚三", []string{"guarantee_fake_multiplier 假一罚三 n=3"}},
	{"fake times digits", FieldSubtitle, "假1赔10", []string{"guarantee_fake_multiplier 假1赔10 n=10"}},
	{"lifetime warranty", FieldDescription, "整机终身保修。", []string{"warranty_lifetime 终身保修"}},
	{"not genuine is no guarantee", FieldDescription, "非正品，介意勿拍。", nil},
	// Postage.
	{"remote excluded inline", FieldSubtitle, "包邮（偏远地区除外）", []string{"postage_free 包邮", "postage_remote_excluded 偏远地区除外"}},
	{"nationwide", FieldTitle, "全国包邮 保温杯", []string{"postage_free 全国包邮 scope=all"}},
	{"nationwide qualified", FieldSubtitle, "全国包邮，新疆西藏除外", []string{"postage_free 全国包邮", "postage_remote_excluded 新疆西藏除外"}},
	{"threshold", FieldSubtitle, "满99包邮，不满99邮费自理", []string{"postage_free_over 满99包邮 n=99 scope=partial", "postage_buyer_pays 邮费自理 scope=partial"}},
	{"buyer pays", FieldDescription, "小件商品，邮费自理。", []string{"postage_buyer_pays 邮费自理"}},
	{"remote not free", FieldDescription, "偏远地区不包邮。", []string{"postage_remote_excluded 偏远地区不包邮"}},
	{"freight collect", FieldAttributes, "运费: 买家承担", []string{"postage_buyer_pays 运费: 买家承担"}},
	{"not free", FieldSubtitle, "小件不包邮 拍下改价", []string{"postage_buyer_pays 不包邮"}},
}

func TestPromises(t *testing.T) {
	t.Parallel()
	for _, c := range promiseCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := Promises(nil, map[string]Field{c.field: {Text: c.text}})
			var desc []string
			for _, p := range got {
				desc = append(desc, describePromise(p))
				if c.text[p.S:p.E] != p.Text || p.Field != c.field {
					t.Errorf("span [%d,%d) of %s quotes %q, text %q", p.S, p.E, p.Field, c.text[p.S:p.E], p.Text)
				}
			}
			if strings.Join(desc, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Promises(%q)\n got: %q\nwant: %q", c.text, desc, c.want)
			}
		})
	}
}

// TestPromisesInAFullDescription reads a whole after-sales description, the
// way sellers write one, with every family of promise in it.
func TestPromisesInAFullDescription(t *testing.T) {
	t.Parallel()
	text := "【发货说明】本店商品均为现货，付款后48小时内发货（节假日顺延）。默认中通快递，偏远地区需补运费。" +
		"【售后】支持七天无理由退换货，退回运费买家承担；吊牌剪掉、洗涤过的不退换。【发票】可开具电子发票。"
	want := []string{
		"in_stock 现货",
		"ship_within_hours 付款后48小时内发货 h=48",
		"postage_remote_excluded 偏远地区需补运费",
		"returns_7day 七天无理由退换货 n=7",
		"returns_postage_buyer 退回运费买家承担",
		"returns_refused 不退换 cond=intact",
		"invoice_available 可开具电子发票",
	}
	var got []string
	for _, p := range Promises(nil, map[string]Field{FieldDescription: {Text: text}}) {
		got = append(got, describePromise(p))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// BenchmarkPromises measures extraction on a typical listing (product copy
// with one after-sales paragraph) and on a dense one (promises in every
// sentence, the worst case).
func BenchmarkPromises(b *testing.B) {
	afterSales := "【发货说明】本店商品均为现货，付款后48小时内发货（节假日顺延）。默认中通快递，偏远地区需补运费。" +
		"【售后】支持七天无理由退换货，退回运费买家承担；吊牌剪掉、洗涤过的不退换。【发票】可开具电子发票。"
	product := "面料选用精梳棉，手感柔软，透气吸汗。版型宽松，肩线自然下落，适合日常通勤和休闲。" +
		"领口采用罗纹收边，多次洗涤不易变形。建议冷水手洗，不可漂白，阴凉处晾干。尺码建议参考详情尺码表，身高体重仅供参考。"
	cases := map[string]string{
		"typical": strings.Repeat(product, 4) + afterSales,
		"dense":   strings.Repeat(afterSales, 4),
	}
	for name, desc := range cases {
		b.Run(name, func(b *testing.B) {
			fields := map[string]Field{
				FieldTitle:       {Text: "现货秒发 顺丰包邮 假一赔十 男士纯棉短袖T恤 正品保障"},
				FieldDescription: {Text: desc},
				FieldAttributes:  {Text: "品牌: 森马\n发货时间: 付款后15天内\n是否预售: 否"},
			}
			b.ReportAllocs()
			for b.Loop() {
				Promises(nil, fields)
			}
		})
	}
}

func describePromise(p Promise) string {
	s := p.Kind + " " + p.Text
	for _, kv := range []struct {
		key string
		val float64
	}{{"h", p.Hours}, {"n", p.N}} {
		if kv.val != 0 {
			s += fmt.Sprintf(" %s=%g", kv.key, kv.val)
		}
	}
	for _, kv := range [][2]string{{"scope", p.Scope}, {"cond", p.Cond}, {"carrier", p.Carrier}} {
		if kv[1] != "" {
			s += " " + kv[0] + "=" + kv[1]
		}
	}
	return s
}

func TestPromisesInSKUsArePartial(t *testing.T) {
	t.Parallel()
	got := Promises(nil, map[string]Field{FieldSKUs: {Text: "黑色 现货\n白色 预售 付款后20天发货"}})
	if len(got) != 3 {
		t.Fatalf("got %d promises, want 3: %+v", len(got), got)
	}
	for _, p := range got {
		if p.Scope != ScopePartial {
			t.Errorf("%s %q: scope %q, want partial", p.Kind, p.Text, p.Scope)
		}
	}
}

func TestPromiseCount(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]float64{"15": 15, "十": 10, "十五": 15, "二十": 20, "四十八": 48, "两": 2, "一百": 100, "万": 10000, "3.5": 3.5} {
		if got, ok := promiseCount(in); !ok || got != want {
			t.Errorf("promiseCount(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := promiseCount("几"); ok {
		t.Error("promiseCount(几) read a number")
	}
}
