package engine

import (
	"context"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestRulePartsFollowTheCompiledReferences compiles small packages and
// reads the parts each can read: through its own references, the rules it
// calls, input passed whole (to object.get with a path written out, or
// not; to a builtin that takes the listing and passes input on to the
// exposure) and keys known only at evaluation.
func TestRulePartsFollowTheCompiledReferences(t *testing.T) {
	t.Parallel()
	lib := `package xiaoer.lib
first_token(name) := input.listing.fields[name].tokens[0].t
whole(name) := input.listing.fields[name]
`
	cases := map[string]struct {
		body string
		want inputParts
	}{
		"tokens":           {`x := input.listing.fields.title.tokens[0].t`, partTokens},
		"sentences":        {`x := count(input.listing.fields.title.sentences)`, partSentences},
		"text":             {`x := input.listing.fields.title.text`, 0},
		"lexicon":          {`x := input.listing.lexicon.found`, partLexicon},
		"facts":            {`x := input.listing.composition`, partComposition},
		"other_item":       {`x := input.listing.category`, 0},
		"object_get":       {`x := object.get(input, ["listing", "numbers"], [])`, partNumbers},
		"object_get_key":   {`x := object.get(input.listing, "promises", [])`, partPromises},
		"object_get_other": {`x := object.get(input.listing, "category", "")`, 0},
		"fields_whole":     {`x := count(input.listing.fields)`, fieldParts},
		"listing_builtin":  {`x := xiaoer.plain_listing(input.listing, {})`, partLexicon},
		"listing_exposure": {`x := xiaoer.fiber_findings(input.listing, {}, "material_fiber", input)`, partComposition | partFiberClaims},
		"input_reader":     {`x := xiaoer.pressure_findings("ad_pressure", [], {}, {}, input)`, partLexicon | fieldParts | partNumbers},
		"input_elsewhere":  {`x := xiaoer.pressure_findings("ad_pressure", [], input, {}, {})`, allParts},
		"listing_rule":     {"l := input.listing\nx := l.numbers", allParts},
		"listing_alias":    {"x := n if {\n\tl := input.listing\n\tn := l.numbers\n}", partNumbers},
		"comparing":        {"x if {\n\tsome l\n\tl = input.kind\n\tl = input.listing.promises\n}", partPromises},
		"object_get_lex":   {`x := object.get(input, ["listing", "lexicon", "found"], {})`, partLexicon},
		"object_get_var":   {`x := object.get(input, ["listing", input.k], [])`, allParts},
		"through_a_call":   {`x := data.xiaoer.lib.first_token("title")`, partTokens},
		"a_field_whole":    {`x := data.xiaoer.lib.whole("title")`, fieldParts},
		"listing_whole":    {`x := count(input.listing)`, allParts},
		"input_whole":      {`x := json.marshal(input)`, allParts},
		"key_at_eval":      {`x := input.listing.fields.title[input.k]`, allParts},
		"else_branch":      {"x := 1 if { false } else := input.listing.lexicon", partLexicon},
		"in_comprehension": {`x := [t | some t in input.listing.fields.title.tokens]`, partTokens},
	}
	modules := map[string]string{"lib.rego": lib}
	for id, c := range cases {
		modules[id+".rego"] = "package xiaoer.rules." + id + "\n" + c.body + "\n"
	}
	compiler, err := ast.CompileModulesWithOpt(modules, ast.CompileOpts{ParserOptions: ast.ParserOptions{RegoVersion: ast.RegoV1}})
	if err != nil {
		t.Fatal(err)
	}
	reads := newPartReads(compiler)
	for id, c := range cases {
		if got := reads.byRule[id]; got != c.want {
			t.Errorf("%s (%s): parts %09b, want %09b", id, c.body, got, c.want)
		}
	}
	if got := reads.parts([]string{"text", "facts", "tokens"}, []string{"tokens"}); got != partComposition {
		t.Errorf("text and facts judged, tokens skipped: parts %09b, want the composition", got)
	}
	if got := reads.parts([]string{"text", "unknown"}, nil); got != allParts {
		t.Errorf("a package not read: parts %03b, want all", got)
	}
}

// TestEmbeddedPartsKeepWhatTheRulesRead: the word rules read the fields,
// the lexicon and the numbers (through xiaoer.pattern_hits and
// xiaoer.medical_hits), not the
// other facts; material_fiber reads its claims and composition alone (its
// exposure goes through the engine's builtin, which reads no part),
// promise_returns the promises and the fields, and promise_guarantee the
// promises, the lexicon and the fields (replica words' runs); ad_pressure
// and ad_unsourced_claim, whose findings builtins take input whole, read
// what the other word rules read.
func TestEmbeddedPartsKeepWhatTheRulesRead(t *testing.T) {
	t.Parallel()
	reads := checker(t).Engine.skips.parts
	if reads == nil {
		t.Fatal("no part reads for the embedded pack")
	}
	words := partTokens | partSentences | partLexicon | partNumbers
	for id, want := range map[string]inputParts{"material_fiber": partComposition | partFiberClaims,
		"ad_medical_claim": words, "ad_absolute": words, "ad_pressure": words, "ad_unsourced_claim": words, "promise_returns": fieldParts | partPromises,
		"promise_guarantee": partPromises | partLexicon | fieldParts} {
		if got, ok := reads.byRule[id]; !ok || got != want {
			t.Errorf("%s: parts %09b (known %v), want %09b", id, got, ok, want)
		}
	}
}

// TestJudgedInputFindsWhatTheWholeOneFinds: evaluating the judged input
// (without the parts no judging rule reads) finds what the whole
// document finds, on every listing of the fixtures and the corpus titles
// (the labelled texts without the corpus) whose rules leave a part out.
func TestJudgedInputFindsWhatTheWholeOneFinds(t *testing.T) {
	t.Parallel()
	j := checker(t)
	e := j.Engine
	ctx := e.withExposures(context.Background())
	lean := 0
	for _, l := range stemListings(t) {
		doc := j.Builder.Build(l)
		skip, none := e.Skipped(doc)
		if none || e.skips.of(doc.Kind, skip).parts == allParts {
			continue
		}
		lean++
		whole, err := e.input(doc, skip)
		if err != nil {
			t.Fatal(err)
		}
		judged, err := e.judgedInput(doc, skip)
		if err != nil {
			t.Fatal(err)
		}
		if judged.Compare(whole) == 0 {
			t.Fatalf("%s %s: the judged input keeps every part", l.Source, l.ID)
		}
		want, errW := e.evalFindings(ctx, whole)
		got, errG := e.evalFindings(ctx, judged)
		if errW != nil || errG != nil {
			t.Fatalf("%s %s: %v / %v", l.Source, l.ID, errW, errG)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %s: judged input finds\n%+v\nwhole document\n%+v", l.Source, l.ID, got, want)
		}
	}
	if lean < 10 {
		t.Fatalf("%d listings leave a part out: too few to prove anything", lean)
	}
	t.Logf("%d listings judged without some part", lean)
}
