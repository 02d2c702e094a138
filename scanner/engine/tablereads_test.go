package engine

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// TestEachRuleReadsOnlyItsTables: every rule package, judging a listing
// alone, finds the same with the lexicon facts of the tables it can read
// (tableReads) as with every table's, over the fixtures, the corpus
// titles and a quarter of the labelled cases. One rule at a time: with
// all the judged rules together, a rule reading a table it was not given
// would go unseen wherever another judged rule keeps that table.
func TestEachRuleReadsOnlyItsTables(t *testing.T) {
	t.Parallel()
	j := checker(t)
	if j.Engine.reads == nil {
		t.Fatal("the embedded pack keeps every table")
	}
	runs, smaller, differ := rulesAlone(t, j, j.Engine.reads, "")
	for _, d := range differ {
		t.Error(d)
	}
	t.Logf("%d rule runs, %d of them on a smaller input", runs, smaller)
	if smaller < 100 {
		t.Errorf("%d rule runs on a smaller input: too few to prove anything", smaller)
	}
}

// TestRulesAloneSeeATableLeftOut: the listings of
// TestEachRuleReadsOnlyItsTables tell a table a rule reads from one it
// does not: ad_unsourced_claim without ad_absolute's contexts finds
// otherwise.
func TestRulesAloneSeeATableLeftOut(t *testing.T) {
	t.Parallel()
	j := checker(t)
	bits := j.Engine.lexicon.bits
	wrong := &tableReads{always: j.Engine.reads.always &^ bits["ad_absolute"], byRule: map[string]uint64{}}
	for id, m := range j.Engine.reads.byRule {
		wrong.byRule[id] = m
	}
	wrong.byRule["ad_unsourced_claim"] &^= bits["ad_absolute"]
	if _, _, differ := rulesAlone(t, j, wrong, "ad_unsourced_claim"); len(differ) == 0 {
		t.Error("ad_unsourced_claim finds the same without ad_absolute's contexts: the listings prove nothing")
	}
}

// rulesAlone runs each rule package judged for each listing alone (only
// rule id, when given), with the tables reads keeps and with every table,
// and says how many runs there were, how many had a smaller input, and
// where the findings differ.
func rulesAlone(t *testing.T, j *judge, reads *tableReads, only string) (runs, smaller int, differ []string) {
	t.Helper()
	e, ctx := j.Engine, context.Background()
	for _, l := range ruleListings(t) {
		doc := j.Builder.Build(l)
		skip, none := e.Skipped(doc)
		if none || doc.Listing == nil {
			continue
		}
		for _, id := range e.judged.byKind[doc.Kind] {
			if slices.Contains(skip, id) || only != "" && id != only {
				continue
			}
			kept := ruleInput(t, e, doc, skip, id, reads.tables([]string{id}, nil))
			full := ruleInput(t, e, doc, skip, id, allTables)
			got, err := e.evalFindings(ctx, kept)
			if err != nil {
				t.Fatal(err)
			}
			want, err := e.evalFindings(ctx, full)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				differ = append(differ, fmt.Sprintf("%s %s, rule %s alone: with its tables %v\nwith every table %v", l.Source, l.ID, id, got, want))
			}
			runs++
			if kept.Compare(full) != 0 {
				smaller++
			}
		}
	}
	return runs, smaller, differ
}

// ruleListings are the fixtures, the corpus titles and a quarter of the
// labelled cases (what the rules are known to find, within seconds).
func ruleListings(t *testing.T) []*listings.Listing {
	ls := stemListings(t)
	if len(ls) < 10000 { // stemListings has them without the corpus
		texts, err := testcorpus.LabelledTexts()
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < len(texts); k += 4 {
			ls = append(ls, &listings.Listing{Source: "labelled", ID: strconv.Itoa(k), Title: texts[k]})
		}
	}
	return ls
}

// ruleInput is doc's input with rule id alone in input.rules and the
// lexicon facts of the tables of mask tables.
func ruleInput(t *testing.T, e *Engine, doc *facts.Document, skip []string, id string, tables uint64) ast.Value {
	t.Helper()
	lexicon := ast.Item(keyLexicon, lexiconFacts(doc.Listing.Fields, e.lexicon, skippedTerm(skip), tables))
	in, err := listingInput(doc, lexicon, ast.Item(keyRules, stringsTerm([]string{id})), nil, allParts)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestTableReadsFollowThePackages: a package reads the tables its modules
// name and those of the packages it refers to; every listing keeps the
// library's; a package outside main that picks a rule package by a
// computed name keeps every table.
func TestTableReadsFollowThePackages(t *testing.T) {
	t.Parallel()
	bits := tableBits{"a": 1, "b": 2, "c": 4, "lib": 8}
	mod := func(path, src string) bundle.ModuleFile {
		return bundle.ModuleFile{Path: path, Parsed: ast.MustParseModuleWithOpts(src, ast.ParserOptions{RegoVersion: ast.RegoV1})}
	}
	b := &bundle.Bundle{Modules: []bundle.ModuleFile{
		mod("lib.rego", "package xiaoer.lib.x\nf(t) := data.tables[t]\ng := f(\"lib\")"),
		mod("main.rego", "package xiaoer.main\nfindings contains f if {\n\tsome id in input.rules\n\tsome f in data.xiaoer.rules[id].findings\n}"),
		mod("a.rego", "package xiaoer.rules.a\nfindings := data.tables.a"),
		mod("b.rego", "package xiaoer.rules.b\nimport data.xiaoer.lib.x\nfindings := [x.f(\"b\"), data.xiaoer.rules.a.findings]"),
		mod("c.rego", "package xiaoer.rules.c\nfindings := 1"),
		mod("c_test.rego", "package xiaoer.rules.c_test\ntest_c if data.tables.b"),
	}}
	r := newTableReads(b, bits)
	if r == nil {
		t.Fatal("no reads")
	}
	for _, c := range []struct {
		judged, skip []string
		want         uint64
	}{
		{[]string{"a", "b", "c"}, []string{"a", "b"}, 8},
		{[]string{"a", "b", "c"}, []string{"b", "c"}, 1 | 8},
		{[]string{"a", "b", "c"}, []string{"a", "c"}, 1 | 2 | 8},
		{[]string{"a", "d"}, []string{"a"}, allTables}, // d has no module here
	} {
		if got := r.tables(c.judged, c.skip); got != c.want {
			t.Errorf("judged %v, skipped %v: tables %b, want %b", c.judged, c.skip, got, c.want)
		}
	}
	b.Modules = append(b.Modules, mod("d.rego", "package xiaoer.rules.d\nfindings := data.xiaoer.rules[input.x].findings"))
	if newTableReads(b, bits) != nil {
		t.Error("a package that picks a rule package by a computed name: want every table kept")
	}
}

// TestTableReadsOfTheEmbeddedPack: ad_unsourced_claim reads the tables of
// ad_absolute's and ad_education_guarantee's contexts and, through its
// package, ad_medical_claim's; the library's tables are kept for every
// listing; the masked brands only for counterfeit_wording; a user
// policy, which reads the same input, keeps every table.
func TestTableReadsOfTheEmbeddedPack(t *testing.T) {
	t.Parallel()
	e := checker(t).Engine
	bits := e.lexicon.bits
	mask := func(tables ...string) (m uint64) {
		for _, name := range tables {
			if bits[name] == 0 {
				t.Fatalf("no table %s", name)
			}
			m |= bits[name]
		}
		return m
	}
	if want := mask("ad_absolute", "ad_education_guarantee", "ad_medical_claim", "ad_unsourced_claim"); e.reads.byRule["ad_unsourced_claim"]&want != want {
		t.Errorf("ad_unsourced_claim reads %b, want at least %b", e.reads.byRule["ad_unsourced_claim"], want)
	}
	if want := mask("registered_names", "ad_evidence", "negation"); e.reads.always&want != want {
		t.Errorf("every listing keeps %b, want at least %b", e.reads.always, want)
	}
	if e.reads.byRule["material_fiber"]&mask("ad_absolute") != 0 {
		t.Error("material_fiber reads ad_absolute: it names no such table")
	}
	if !keeps(e.lexicon.maskedKept(e.reads.tables([]string{"counterfeit_wording"}, nil))) {
		t.Error("counterfeit_wording judged: want the masked brands kept")
	}
	if keeps(e.lexicon.maskedKept(e.reads.tables([]string{"ad_absolute"}, nil))) {
		t.Error("ad_absolute alone: want no scan for masked brands")
	}
	if user := userChecker(t, 0, loadDir(t, examplePolicies, false)); user.Engine.reads != nil {
		t.Error("with a user policy: want every table kept")
	}
}

// keeps is maskedKept's first answer.
func keeps(keep bool, _ uint64) bool { return keep }
