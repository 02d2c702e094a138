package scanner

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// labelledDir holds the labelled sets: tuning/ (sets the rules were tuned
// on) and blind/ (sets scored once, before anyone looked at them; their
// scores are recorded in labelledDir/HISTORY.md).
var labelledDir = filepath.Join("testdata", "labelled")

// tuningFloor is the precision and recall every rule must reach on the
// tuning sets.
const tuningFloor = 0.95

// score is a rule's confusion counts over a labelled set.
type score struct{ tp, fp, fn int }

// ratio is a/b, and false when b is 0: a rule that never fired, or that
// has no positive case, has no precision or recall (not a perfect one).
func ratio(a, b int) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

func (s score) precision() (float64, bool) { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() (float64, bool)    { return ratio(s.tp, s.tp+s.fn) }

// String is the score as HISTORY.md records it: P/R with the counts.
func (s score) String() string {
	return fmt.Sprintf("P %s R %s (tp %d, fp %d, fn %d)", format(s.precision()), format(s.recall()), s.tp, s.fp, s.fn)
}

func format(v float64, ok bool) string {
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", v)
}

// setResult is a set's scores per rule and the cases whose findings do not
// quote the expected evidence.
type setResult struct {
	scores          map[string]*score
	evidenceWords   int // expected quotes in the set
	evidenceMisses  []string
	positivesByRule map[string]int
}

// scoreLabelledSet runs every case of set and scores its rules, logging
// each miss and false alarm.
func scoreLabelledSet(t *testing.T, set labelledSet) setResult {
	t.Helper()
	rules := map[string]bool{}
	res := setResult{scores: map[string]*score{}, positivesByRule: map[string]int{}}
	for _, r := range set.Rules {
		rules[r] = true
		res.scores[r] = &score{}
	}
	for i, c := range set.Cases {
		quoted := caseFindings(t, c, i, rules)
		label := firstNonEmpty(c.Name, c.Title, c.Description, c.Subtitle, c.File)
		for _, rule := range set.Rules {
			if slices.Contains(c.Expect, rule) {
				res.positivesByRule[rule]++
			}
			tallyCase(t, res.scores[rule], rule, c, i, label, quoted)
		}
		res.evidenceWords += len(c.Evidence.any)
		for _, words := range c.Evidence.byRule {
			res.evidenceWords += len(words)
		}
		res.evidenceMisses = append(res.evidenceMisses, evidenceMisses(c, i, label, quoted)...)
	}
	return res
}

// tallyCase counts case i for rule: true positive, false alarm or miss.
func tallyCase(t *testing.T, s *score, rule string, c labelledCase, i int, label string, quoted map[string][]quote) {
	want, got := slices.Contains(c.Expect, rule), len(quoted[rule]) > 0
	switch {
	case want && got:
		s.tp++
	case got:
		s.fp++
		t.Logf("false alarm %s on case %d %q (quoted %q)", rule, i, label, quoted[rule])
	case want:
		s.fn++
		t.Logf("missed %s on case %d %q", rule, i, label)
	}
}

// evidenceMisses lists the evidence words of case i that no finding of the
// rule they belong to points at (quote.covers): a listed word must be
// pointed at by one of the case's expected rules, a word under a rule by
// that rule itself. A finding of another rule never counts.
func evidenceMisses(c labelledCase, i int, label string, quoted map[string][]quote) []string {
	var misses []string
	check := func(rules []string, word string) {
		for _, r := range rules {
			if slices.ContainsFunc(quoted[r], func(q quote) bool { return q.covers(word) }) {
				return
			}
		}
		misses = append(misses, fmt.Sprintf("case %d %q: no finding of %v quotes %q (quoted %q)", i, label, rules, word, quoted))
	}
	for _, w := range c.Evidence.any {
		check(c.Expect, w)
	}
	for rule, words := range c.Evidence.byRule {
		for _, w := range words {
			check([]string{rule}, w)
		}
	}
	return misses
}

// TestLabelledSets scores every labelled set. A rule a set lists must have
// positive cases there. On tuning sets every rule's precision and recall
// must reach tuningFloor, and so must the share of expected quotes the
// expected rules' findings point at (every miss is logged). Blind sets
// are scored and logged, and fail only on a malformed set: their scores
// are a record (HISTORY.md), and a rule must not be tuned to them.
//
//	go test ./scanner -run TestLabelledSets -v
func TestLabelledSets(t *testing.T) {
	t.Parallel()
	found := 0
	for _, kind := range []string{"tuning", "blind"} {
		paths, err := filepath.Glob(filepath.Join(labelledDir, kind, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		found += len(paths)
		for _, path := range paths {
			t.Run(kind+"/"+filepath.Base(path), func(t *testing.T) {
				t.Parallel()
				checkLabelledSet(t, path, kind == "tuning")
			})
		}
	}
	if found == 0 {
		t.Fatalf("no labelled sets under %s", labelledDir)
	}
}

func checkLabelledSet(t *testing.T, path string, tuning bool) {
	set := loadLabelledSet(t, path)
	res := scoreLabelledSet(t, set)
	t.Logf("%s: %d cases", filepath.Base(path), len(set.Cases))
	for _, rule := range set.Rules {
		s := res.scores[rule]
		t.Logf("  %-24s %s", rule, s)
		if res.positivesByRule[rule] == 0 {
			t.Errorf("%s: listed in the set's rules but no case expects it (no recall to measure)", rule)
			continue
		}
		if !tuning {
			continue
		}
		p, pok := s.precision()
		r, rok := s.recall()
		if !pok || !rok || p < tuningFloor || r < tuningFloor {
			t.Errorf("%s: %s, want precision and recall ≥ %.2f", rule, s, tuningFloor)
		}
	}
	for _, m := range res.evidenceMisses {
		t.Log(m)
	}
	found := res.evidenceWords - len(res.evidenceMisses)
	t.Logf("expected quotes pointed at: %d of %d", found, res.evidenceWords)
	if r, ok := ratio(found, res.evidenceWords); tuning && ok && r < tuningFloor {
		t.Errorf("findings point at %d of %d expected quotes (%.3f), want ≥ %.2f", found, res.evidenceWords, r, tuningFloor)
	}
}

// TestLabelledHarness checks the scoring itself: no cases is no score, and
// a quote counts only from the rule it is expected of.
func TestLabelledHarness(t *testing.T) {
	if _, ok := (score{}).recall(); ok {
		t.Error("recall with no positive case has a value, want n/a")
	}
	if got := (score{tp: 3, fn: 1}).String(); got != "P 1.000 R 0.750 (tp 3, fp 0, fn 1)" {
		t.Errorf("score string %q", got)
	}
	c := labelledCase{Expect: []string{"ad-absolute"}, Evidence: evidence{any: []string{"最好"}}}
	other := map[string][]quote{"ad-absolute": {{evidence: "第一"}}, "ad-pressure": {{evidence: "最好"}}}
	if misses := evidenceMisses(c, 0, "x", other); len(misses) != 1 {
		t.Errorf("a quote by another rule counted: misses %q", misses)
	}
	own := map[string][]quote{"ad-absolute": {{evidence: "最好的"}}}
	if misses := evidenceMisses(c, 0, "x", own); len(misses) != 0 {
		t.Errorf("the expected rule's own quote not counted: %q", misses)
	}
	byRule := labelledCase{Expect: []string{"ad-absolute", "ad-unsourced-claim"},
		Evidence: evidence{byRule: map[string][]string{"ad-unsourced-claim": {"第一"}}}}
	if misses := evidenceMisses(byRule, 0, "x", other); len(misses) != 1 {
		t.Errorf("a quote under one rule accepted from another: %q", misses)
	}
	text := "护腰带 治疗腰椎间盘突出"
	span := quote{evidence: "治疗", text: text, s: strings.Index(text, "治疗"), e: strings.Index(text, "治疗") + len("治疗")}
	if !span.covers("治疗腰椎间盘突出") || span.covers("护腰带") {
		t.Errorf("a finding covers the words its span overlaps, and only those")
	}
}
