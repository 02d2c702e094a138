package audit

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"
)

// Charts are the report's three charts, laid out in Go and drawn by the
// template as inline SVG (no script: the file works offline and prints).
type Charts struct {
	ByRule    BarChart
	ByListing BarChart
	Shipments ColumnChart
}

// BarChart is a horizontal bar chart: one row per bar, segments stacked.
type BarChart struct {
	Width, Height int
	LabelWidth    int // left column for the labels
	Bars          []Bar
	Legend        []LegendItem
	Empty         string // shown instead when there is nothing to chart
}

// Bar is one row.
type Bar struct {
	Y        int
	Label    string
	Title    string // tooltip
	Segments []Segment
	Value    string // text after the bar
	ValueX   int
}

// Segment is one coloured part of a bar or column.
type Segment struct {
	X, Y, W, H int
	Class      string
	Title      string
}

// ColumnChart is a vertical stacked column chart over days.
type ColumnChart struct {
	Width, Height int
	Baseline      int // y of the axis
	Columns       []Column
	Ticks         []Tick
	Legend        []LegendItem
	Empty         string
}

// Column is one day.
type Column struct {
	X, LabelX int
	Label     string // shown under every few columns
	Segments  []Segment
}

// Tick is a y-axis line with its value.
type Tick struct {
	Y     int
	Label string
}

// LegendItem names a colour.
type LegendItem struct {
	Class string
	Label string
}

// Chart sizes are in CSS pixels at scale 1: a bar chart fits a 390 px
// phone without shrinking its 12 px labels, and grows at most a little on
// a desk; the timeline is as wide as its days and scrolls in its box.
const (
	chartWidth = 340
	barHeight  = 20
	barGap     = 8
	labelWidth = 112
	valueWidth = 64
	daySlot    = 22 // timeline pixels per day
	axisWidth  = 40
)

// severityClass is the CSS class of a severity's colour.
func severityClass(s string) string {
	switch s {
	case "error", "warning", "info":
		return "sev-" + s
	}
	return "sev-info"
}

// ruleChart has one bar per rule, coloured by its severity.
func ruleChart(counts []RuleCount) BarChart {
	c := BarChart{Width: chartWidth, LabelWidth: labelWidth,
		Legend: []LegendItem{{"sev-error", "错误"}, {"sev-warning", "警告"}}}
	if len(counts) == 0 {
		c.Empty, c.Height = "没有发现问题", 60
		return c
	}
	top := counts[0].Count
	span := chartWidth - labelWidth - valueWidth
	for i, rc := range counts {
		w := scale(float64(rc.Count), float64(top), span)
		label := rc.Rule
		if rc.Title != "" {
			label = rc.Title
		}
		y := i * (barHeight + barGap)
		c.Bars = append(c.Bars, Bar{Y: y, Label: label, Title: fmt.Sprintf("%s（%s）：%d", label, rc.Rule, rc.Count),
			Segments: []Segment{{X: labelWidth, Y: y, W: w, H: barHeight, Class: severityClass(rc.Severity)}},
			Value:    fmt.Sprint(rc.Count), ValueX: labelWidth + w + 6})
	}
	c.Height = len(counts)*(barHeight+barGap) + 4
	return c
}

// listingChart stacks each listing's buyer claim and platform compensation,
// the money it can cost, for the listings that can cost the most. Fines
// are not drawn: their statutory floor would make every bar alike.
func listingChart(ranked []*ListingView) BarChart {
	c := BarChart{Width: chartWidth, LabelWidth: labelWidth, Legend: []LegendItem{
		{"cost-punitive", "买家索赔"}, {"cost-platform", "平台赔付"}}}
	top := slices.Clone(ranked)
	slices.SortStableFunc(top, func(a, b *ListingView) int { return cmp.Compare(b.Stake.Money(), a.Stake.Money()) })
	top = top[:min(len(top), TopListingsChart)]
	for len(top) > 0 && top[len(top)-1].Stake.Money() == 0 {
		top = top[:len(top)-1]
	}
	if len(top) == 0 {
		c.Empty, c.Height = "没有可计算金额的问题", 60
		return c
	}
	most := top[0].Stake.Money()
	span := chartWidth - labelWidth - valueWidth
	for i, v := range top {
		y := i * (barHeight + barGap)
		b := Bar{Y: y, Label: truncate(v.Title, 8), Title: v.Title, Value: MoneyShort(v.Stake.Money())}
		x := labelWidth
		for _, part := range []struct {
			class, name string
			amount      float64
		}{{"cost-punitive", "买家索赔", v.Stake.Claim}, {"cost-platform", "平台赔付", v.Stake.Platform}} {
			if part.amount <= 0 {
				continue
			}
			w := max1(scale(part.amount, most, span))
			b.Segments = append(b.Segments, Segment{X: x, Y: y, W: w, H: barHeight, Class: part.class, Title: part.name + " " + Money(part.amount)})
			x += w
		}
		b.ValueX = x + 4
		c.Bars = append(c.Bars, b)
	}
	c.Height = len(top)*(barHeight+barGap) + 4
	return c
}

// shipmentChart stacks late, fake and stalled shipments per day, from the
// first day to the last with a finding.
func shipmentChart(perDay map[string]map[string]int) ColumnChart {
	c := ColumnChart{Height: 200, Baseline: 170, Legend: []LegendItem{
		{"ship-late", "延迟发货"}, {"ship-fake", "虚假发货"}, {"ship-stalled", "物流停滞"}}}
	order := dayRange(perDay)
	if len(order) == 0 {
		c.Empty = "没有发货问题（或没有提供订单）"
		return c
	}
	c.Width = max(chartWidth, axisWidth+len(order)*daySlot)
	top := 0
	for _, d := range order {
		top = max(top, total(perDay[d]))
	}
	step := niceStep(top)
	ceil := step * int(math.Ceil(float64(top)/float64(step)))
	plot := c.Baseline - 10
	for v := 0; v <= ceil; v += step {
		c.Ticks = append(c.Ticks, Tick{Y: c.Baseline - scale(float64(v), float64(ceil), plot), Label: fmt.Sprint(v)})
	}
	slot := (c.Width - axisWidth) / len(order)
	width := max(2, min(36, slot*2/3))
	every := max(1, int(math.Ceil(56/float64(slot)))) // labels (11月18日) 56 px apart
	for i, d := range order {
		x := axisWidth + i*slot + (slot-width)/2
		col := Column{X: x, LabelX: x + width/2}
		if i%every == 0 {
			col.Label = shortDay(d)
		}
		y := c.Baseline
		for j, rule := range shipmentRules {
			n := perDay[d][rule]
			if n == 0 {
				continue
			}
			h := max1(scale(float64(n), float64(ceil), plot))
			y -= h
			col.Segments = append(col.Segments, Segment{X: x, Y: y, W: width, H: h, Class: c.Legend[j].Class,
				Title: fmt.Sprintf("%s %s：%d 单", d, c.Legend[j].Label, n)})
		}
		c.Columns = append(c.Columns, col)
	}
	return c
}

// maxDays bounds the timeline; a longer span shows only days with findings.
const maxDays = 92

// dayRange lists the days from the first with a finding to the last, quiet
// days included, so gaps show as gaps (only days with findings when the
// span is longer than maxDays).
func dayRange(perDay map[string]map[string]int) []string {
	order := make([]string, 0, len(perDay))
	for d := range perDay {
		order = append(order, d)
	}
	if len(order) == 0 {
		return nil
	}
	slices.Sort(order)
	first, err1 := time.Parse(time.DateOnly, order[0])
	last, err2 := time.Parse(time.DateOnly, order[len(order)-1])
	if err1 != nil || err2 != nil || last.Sub(first) > maxDays*24*time.Hour {
		return order
	}
	order = order[:0]
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		order = append(order, d.Format(time.DateOnly))
	}
	return order
}

func total(m map[string]int) int {
	n := 0
	for _, rule := range shipmentRules {
		n += m[rule]
	}
	return n
}

// niceStep is a tick step giving at most five ticks: 1, 2, 5, 10, 20 ...
func niceStep(top int) int {
	for step := 1; ; step *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top <= 5*step*m {
				return step * m
			}
		}
	}
}

// scale maps v in [0, top] to [0, span] pixels.
func scale(v, top float64, span int) int {
	if top <= 0 {
		return 0
	}
	return int(math.Round(v / top * float64(span)))
}

// max1 keeps a non-zero amount visible.
func max1(px int) int { return max(px, 1) }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
