package audit

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Exposures as the policies compute them (tables/exposure): a replica word
// risks a buyer's claim and 售假 points (unconfirmed), a refusal of returns
// or invoices 4 points of 违背承诺, an absolute word a claim and the
// §57 fine, a pressure word only the §55 fine.
var (
	fine57 = [2]float64{200000, 1000000}
	fine55 = [2]float64{200000, 1000000}
	fine59 = [2]float64{0, 100000}
)

func listing(id, title string, price float64, fs ...finding.Finding) scanner.Result {
	return scanner.Result{Source: "shop.csv", Kind: "listing", ID: id, Title: title, Price: price, Findings: fs}
}

func found(rule, sev, field, words, sentence string, start int, e finding.Exposure) finding.Finding {
	return finding.Finding{Rule: rule, Severity: sev, Field: field, Evidence: words, Context: sentence,
		Span: finding.Span{Start: start, End: start + len(words)}, Message: rule + "：" + words, Suggestion: "删除「" + words + "」",
		Basis: finding.Basis{Law: rule + " basis", Confirmed: e.Confirmed}, Exposure: e}
}

func rankingShop() []scanner.Result {
	return []scanner.Result{
		listing("P1", "秋冬加绒卫衣 仅此一次 随时涨价", 129,
			found("ad-pressure", "warning", "title", "仅此一次", "秋冬加绒卫衣 仅此一次 随时涨价", 19, finding.Exposure{FineCNY: fine55, Confirmed: true}),
			found("ad-pressure", "warning", "title", "随时涨价", "秋冬加绒卫衣 仅此一次 随时涨价", 32, finding.Exposure{FineCNY: fine55, Confirmed: true})),
		listing("A1", "国家级工艺 纯棉T恤", 199,
			found("ad-absolute", "error", "title", "国家级", "国家级工艺 纯棉T恤", 0, finding.Exposure{PunitiveCNY: 597, FineCNY: fine57, Confirmed: true})),
		listing("R1", "男士商务皮鞋 真皮", 359,
			found("promise-returns", "error", "description", "售出不退不换", "特价商品，售出不退不换。", 15, finding.Exposure{Points: 4, Confirmed: true}),
			found("promise-invoice", "error", "description", "不开发票", "本店不开发票。", 40, finding.Exposure{Points: 4, Confirmed: true})),
		listing("C1", "高仿大牌卫衣 原单", 89,
			found("counterfeit-wording", "error", "title", "高仿", "高仿大牌卫衣 原单", 0, finding.Exposure{PunitiveCNY: 500, Points: 2, Confirmed: false})),
		listing("S1", "全网销量第一 真丝围巾", 299,
			found("ad-absolute", "error", "title", "销量第一", "全网销量第一 真丝围巾", 6, finding.Exposure{PunitiveCNY: 897, FineCNY: fine57, Confirmed: true}),
			found("ad-unsourced-claim", "warning", "title", "全网销量第一", "全网销量第一 真丝围巾", 0, finding.Exposure{FineCNY: fine59, Confirmed: true})),
	}
}

func TestRankingPutsReplicaAndRefusalAbovePressure(t *testing.T) {
	t.Parallel()
	r := Build(Input{Generated: time.Now(), Listings: rankingShop()})
	got := ids(r.Ranked)
	pos := func(id string) int { return slices.Index(got, id) }
	if pos("C1") != 0 || pos("R1") != 1 || pos("P1") != len(got)-1 {
		t.Fatalf("ranking = %v: want the replica first, the refusal second, the pressure words last", got)
	}
	// At equal stakes (nothing but a fine), errors before warnings.
	eq := Build(Input{Generated: time.Now(), Listings: []scanner.Result{
		listing("W", "仅此一次", 10, found("ad-pressure", "warning", "title", "仅此一次", "仅此一次", 0, finding.Exposure{FineCNY: fine55})),
		listing("E", "仅此一次", 10, found("ad-pressure", "error", "title", "仅此一次", "仅此一次", 0, finding.Exposure{FineCNY: fine55})),
	}})
	if s := strings.Join(ids(eq.Ranked), ","); s != "E,W" {
		t.Errorf("equal stakes: %s, want the error first", s)
	}
	if top := r.FixFirst[0]; !slices.Equal(top.Words, []string{"高仿"}) || top.Suggestion != "删除「高仿」" || !strings.Contains(top.Why, "不能报名双十一") {
		t.Errorf("first fix = %+v", top)
	}
}

// Two rules on the same words are one finding naming both; the places
// count once, the rules each.
func TestOneFindingPerPlace(t *testing.T) {
	t.Parallel()
	r := Build(Input{Generated: time.Now(), Listings: rankingShop()})
	var s1 *ListingView
	for _, v := range r.Ranked {
		if v.ID == "S1" {
			s1 = v
		}
	}
	if s1 == nil || len(s1.Findings) != 1 {
		t.Fatalf("S1 findings = %+v, want one place", s1)
	}
	f := s1.Findings[0]
	if len(f.Rules) != 2 || f.Rules[0].ID != "ad-absolute" || f.Rules[1].ID != "ad-unsourced-claim" || f.Evidence != "全网销量第一" || f.Severity != "error" {
		t.Errorf("merged finding = %+v", f)
	}
	if r.Totals.Findings != 7 || r.Totals.Errors != 5 || r.Totals.Warnings != 2 {
		t.Errorf("totals = %+v, want 7 places (5 errors, 2 warnings)", r.Totals)
	}
	if f.Stake.Fine != fine57 || f.Stake.Claim != 897 {
		t.Errorf("merged stake = %+v: want the larger fine range, not a sum", f.Stake)
	}
}

// yuan matches the amounts the report prints: ¥1,234.50 and ¥20.1万.
var yuan = regexp.MustCompile(`¥([0-9][0-9,]*(?:\.[0-9]+)?)(万?)`)

// No fine range is ever summed: across findings, across listings, or with
// a claim. Every amount of ¥10万 or more on the page is a bound of one
// statutory range.
func TestNoFineRangeIsSummed(t *testing.T) {
	t.Parallel()
	shop := rankingShop()
	for range 5 { // more listings that can be fined, each twice
		shop = append(shop, shop[0], shop[4])
	}
	in := Input{Generated: time.Now(), Listings: shop}
	r := Build(in)
	if r.Totals.FineRange != fine57 || r.Totals.FineListings != 13 {
		t.Errorf("fines: range %v over %d listings, want one statutory range", r.Totals.FineRange, r.Totals.FineListings)
	}
	for _, v := range r.Ranked {
		if v.Stake.Fine[1] > 0 && v.Stake.Fine != fine57 && v.Stake.Fine != fine55 {
			t.Errorf("%s: fine %v is not one statutory range", v.ID, v.Stake.Fine)
		}
		if v.Stake.Money() >= 100000 {
			t.Errorf("%s: money %v holds a fine", v.ID, v.Stake.Money())
		}
	}
	doc, html := render(t, in)
	bounds := map[float64]bool{100000: true, 200000: true, 1000000: true}
	for _, m := range yuan.FindAllStringSubmatch(doc.Text(), -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			t.Fatal(err)
		}
		if m[2] == "万" {
			v *= 10000
		}
		if v >= 100000 && !bounds[v] {
			t.Errorf("the report shows %s, which is no bound of a fine range", m[0])
		}
	}
	if strings.Contains(html, "200,597") || strings.Contains(html, "20.1万") {
		t.Error("a fine floor is added to a claim")
	}
}

func TestShopPointsAgainstThresholds(t *testing.T) {
	t.Parallel()
	r := Build(Input{Generated: time.Now(), Listings: rankingShop()})
	by := map[string]LedgerView{}
	for _, l := range r.Points {
		by[l.Family] = l
	}
	g, c := by["general"], by["counterfeit"]
	if g.Points != 4 || g.Listings != 1 || g.BarsSale || g.Next == nil || g.Next.Points != 12 {
		t.Errorf("general ledger = %+v: want 4 points (one listing, refusals counted once), 12 next", g)
	}
	if c.Points != 2 || !c.BarsSale || !c.Unconfirmed || len(c.Reached) != 1 {
		t.Errorf("counterfeit ledger = %+v: want 2 points that bar big sales, unconfirmed", c)
	}
}

func TestBeijingTimes(t *testing.T) {
	t.Parallel()
	if got := longTime(time.Date(2026, 11, 10, 16, 5, 0, 0, time.UTC)); got != "2026年11月11日 00:05" {
		t.Errorf("longTime = %q", got)
	}
	if got := shortTime("2026-11-18T01:12:40Z"); got != "11月18日 09:12" {
		t.Errorf("shortTime = %q", got)
	}
	if got := shortTime("昨天"); got != "昨天" {
		t.Errorf("shortTime of a non-time = %q", got)
	}
}
