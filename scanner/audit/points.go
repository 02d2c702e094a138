package audit

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// Family is one ledger of shop points (扣分): the rules whose points count
// in it, and whether its findings get the listing removed.
type Family struct {
	Name      string   `json:"name"`
	Rules     []string `json:"rules"`
	Takedown  bool     `json:"takedown"`
	Basis     string   `json:"basis"`
	Confirmed bool     `json:"confirmed"`
}

// Threshold is a number of points in one family at which the shop loses
// more than the findings cost: big-sale entry, listing rights.
type Threshold struct {
	Family      string  `json:"family"`
	Points      float64 `json:"points"`
	Effect      string  `json:"effect"`
	BarsBigSale bool    `json:"bars_big_sale"`
	Basis       string  `json:"basis"`
	Confirmed   bool    `json:"confirmed"`
}

// PointsTable is policies/tables/shop_points: the families and thresholds.
// The points of each finding come from the exposure table through the
// rules; this table says where they count and what they block.
type PointsTable struct {
	Families   map[string]Family `json:"families"`
	Thresholds []Threshold       `json:"thresholds"`
	byRule     map[string]string
}

// pointsTable is read once from the embedded policy bundle; a broken
// table is a build bug that the package tests catch.
var pointsTable = sync.OnceValue(func() *PointsTable {
	t, err := LoadPointsTable(policies.FS())
	if err != nil {
		panic(err)
	}
	return t
})

// LoadPointsTable reads tables/shop_points/data.json from a bundle.
func LoadPointsTable(fsys fs.FS) (*PointsTable, error) {
	raw, err := fs.ReadFile(fsys, "tables/shop_points/data.json")
	if err != nil {
		return nil, fmt.Errorf("read points table: %w", err)
	}
	t := &PointsTable{}
	if err := json.Unmarshal(raw, t); err != nil {
		return nil, fmt.Errorf("parse points table: %w", err)
	}
	t.byRule = map[string]string{}
	for name, f := range t.Families {
		for _, r := range f.Rules {
			t.byRule[r] = name
		}
	}
	slices.SortFunc(t.Thresholds, func(a, b Threshold) int {
		if a.Points < b.Points {
			return -1
		}
		if a.Points > b.Points {
			return 1
		}
		return 0
	})
	return t, nil
}

// FamilyOf is the ledger a rule's points count in; "general" when the
// table does not name the rule (A类 is where unnamed promises land).
func (t *PointsTable) FamilyOf(rule string) string {
	if f, ok := t.byRule[rule]; ok {
		return f
	}
	return "general"
}

// reached lists a family's thresholds at or below points, lowest first.
func (t *PointsTable) reached(family string, points float64) []Threshold {
	var out []Threshold
	for _, th := range t.Thresholds {
		if th.Family == family && points > 0 && points >= th.Points {
			out = append(out, th)
		}
	}
	return out
}

// next is a family's lowest threshold above points, nil past the last.
func (t *PointsTable) next(family string, points float64) *Threshold {
	for _, th := range t.Thresholds {
		if th.Family == family && points < th.Points {
			return &th
		}
	}
	return nil
}

// ledgers sums the flagged listings' points per family for the shop.
func (t *PointsTable) ledgers(points map[string]float64, listings map[string]int) []LedgerView {
	names := make([]string, 0, len(t.Families))
	for name := range t.Families {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []LedgerView
	for _, name := range names {
		f := t.Families[name]
		v := LedgerView{Family: name, Name: f.Name, Points: points[name], Listings: listings[name], Basis: f.Basis, Confirmed: f.Confirmed}
		v.Reached = t.reached(name, v.Points)
		v.Next = t.next(name, v.Points)
		v.Unconfirmed = !f.Confirmed
		for _, th := range v.Reached {
			v.BarsSale = v.BarsSale || th.BarsBigSale
			v.Unconfirmed = v.Unconfirmed || !th.Confirmed
		}
		if v.Next != nil {
			v.Percent = min(100, int(v.Points*100/v.Next.Points))
			v.Unconfirmed = v.Unconfirmed || !v.Next.Confirmed
		} else {
			v.Percent = 100
		}
		out = append(out, v)
	}
	return out
}
