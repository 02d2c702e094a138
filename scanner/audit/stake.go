package audit

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Stake is what findings can cost the seller, in the parts that decide
// what to fix first. A fine range is kept to be shown, never added to the
// money or to another fine: a regulator fines at its discretion, and the
// statutory floor would rank every listing with one 最-word alike.
type Stake struct {
	Claim       float64            // the buyer's punitive claim: the largest (one purchase, one claim)
	Platform    float64            // platform compensation, added up
	Points      map[string]float64 // shop points per family (per listing: the largest per family)
	Takedown    bool               // the listing is removed (selling fakes)
	Blocks      []Threshold        // thresholds these points alone reach
	Fine        [2]float64         // the largest fine range, shown apart
	Unconfirmed bool               // some figure rests on an unconfirmed source
}

// findingStake is one finding's stake.
func findingStake(f finding.Finding, t *PointsTable) Stake {
	e := f.Exposure
	s := Stake{Claim: e.PunitiveCNY, Platform: e.PlatformCNY, Fine: e.FineCNY,
		Unconfirmed: !e.Confirmed && (e.PunitiveCNY > 0 || e.PlatformCNY > 0 || e.Points > 0 || e.FineCNY[1] > 0)}
	if e.Points > 0 {
		fam := t.FamilyOf(f.Rule)
		s.Points = map[string]float64{fam: e.Points}
		s.Takedown = t.Families[fam].Takedown
		s.Unconfirmed = s.Unconfirmed || !t.Families[fam].Confirmed
	}
	return s.withBlocks(t)
}

// add joins another stake of the same listing into s.
func (s Stake) add(o Stake, t *PointsTable) Stake {
	s.Claim = max(s.Claim, o.Claim)
	s.Platform += o.Platform
	if o.Fine[1] > s.Fine[1] {
		s.Fine = o.Fine
	}
	if len(o.Points) > 0 {
		s.Points = maps.Clone(s.Points)
		if s.Points == nil {
			s.Points = map[string]float64{}
		}
		for fam, p := range o.Points {
			s.Points[fam] = max(s.Points[fam], p)
		}
	}
	s.Takedown = s.Takedown || o.Takedown
	s.Unconfirmed = s.Unconfirmed || o.Unconfirmed
	return s.withBlocks(t)
}

func (s Stake) withBlocks(t *PointsTable) Stake {
	s.Blocks = nil
	for _, fam := range slices.Sorted(maps.Keys(s.Points)) {
		for _, th := range t.reached(fam, s.Points[fam]) {
			if th.BarsBigSale {
				s.Blocks = append(s.Blocks, th)
			}
		}
	}
	return s
}

// Money is the claim and the compensation: what the seller pays out.
func (s Stake) Money() float64 { return s.Claim + s.Platform }

// PointsTotal is the points across families.
func (s Stake) PointsTotal() float64 {
	total := 0.0
	for _, p := range s.Points {
		total += p
	}
	return total
}

// Tier orders what a seller loses before a big sale: 4 when the listing is
// removed as selling fakes (which also bars the shop), 3 when the findings
// alone bar the shop from big sales, 2 when they cost points (which add up
// toward those bars), 1 when they cost money, 0 when only a regulator's
// fine or nothing is at stake.
func (s Stake) Tier() int {
	switch {
	case s.Takedown:
		return 4
	case len(s.Blocks) > 0:
		return 3
	case s.PointsTotal() > 0:
		return 2
	case s.Money() > 0:
		return 1
	}
	return 0
}

// compareStakes sorts the larger stake first: tier, money, points, fine.
func compareStakes(a, b Stake) int {
	return cmp.Or(cmp.Compare(b.Tier(), a.Tier()), cmp.Compare(b.Money(), a.Money()),
		cmp.Compare(b.PointsTotal(), a.PointsTotal()), cmp.Compare(b.Fine[1], a.Fine[1]))
}

// Reasons says what is at stake and why, most serious first, in the
// report's words; the fine comes last and stands apart.
func (s Stake) Reasons(t *PointsTable) []string {
	var out []string
	for _, th := range s.Blocks {
		out = append(out, th.Effect)
	}
	if s.Takedown && len(s.Blocks) == 0 {
		out = append(out, "商品会被删除")
	}
	for _, fam := range slices.Sorted(maps.Keys(s.Points)) {
		out = append(out, fmt.Sprintf("%s %g 分", t.Families[fam].Name, s.Points[fam]))
	}
	if s.Claim > 0 {
		out = append(out, "买家可索赔 "+Money(s.Claim))
	}
	if s.Platform > 0 {
		out = append(out, "平台赔付 "+Money(s.Platform))
	}
	if s.Fine[1] > 0 {
		out = append(out, "罚款另列 "+MoneyRange(s.Fine[0], s.Fine[1])+"（法定区间，不计入金额）")
	}
	return out
}

// Why is the stake in a few words, for 先改这几个.
func (s Stake) Why(t *PointsTable) string {
	r := s.Reasons(t)
	if len(r) == 0 {
		return "规范用语"
	}
	r = r[:min(len(r), 2)]
	out := strings.Join(r, "；")
	if s.Unconfirmed {
		out += "＊"
	}
	return out
}
