package scanner

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// heldModule is the library's own answer, on a document without
// input.listing.lexicon.held: every position where before_match,
// after_match and sentence_match hold, for the contexts some context word
// of the listing belongs to (no other context can hold anywhere), as
// [table, context, list, field, position]: the first token of a hit
// (before), the token right after it (after), the end of its sentence
// (sentence; a hit outside every sentence reads the whole field).
const heldModule = `package held_reference

import data.xiaoer.lib.lexicon

x := (before | after) | sentences

used := {[t, n, where] |
	some runs_at in lexicon.context_at
	some runs in runs_at
	some r in runs
	some t, n
	some where in ["before", "after", "sentence"]
	data.tables[t].contexts[n][where][r.key]
}

before := {[t, n, "before", f, i] |
	some u in used
	u[2] == "before"
	[t, n] := [u[0], u[1]]
	some f, field in input.listing.fields
	some i in numbers.range(0, count(field.tokens))
	lexicon.before_match(t, n, {"field": f, "i": i})
}

after := {[t, n, "after", f, j] |
	some u in used
	u[2] == "after"
	[t, n] := [u[0], u[1]]
	some f, field in input.listing.fields
	some j in numbers.range(0, count(field.tokens))
	lexicon.after_match(t, n, {"field": f, "i": j, "n": 0})
}

sentences := {[t, n, "sentence", f, e] |
	some u in used
	u[2] == "sentence"
	[t, n] := [u[0], u[1]]
	some f, field in input.listing.fields
	some s in array.concat([-1], [sp.s | some sp in field.sentences])
	lexicon.sentence_match(t, n, {"field": f, "s": s})
	e := lexicon.sentence_at(f, s).e
}
`

// TestHeldContextsAgreeWithTheLibrary: the positions where the engine says
// each context holds (input.listing.lexicon.held) are exactly those where
// the library's own before_match, after_match and sentence_match hold on
// the same document without them, over every labelled set, fixture and,
// when the corpus is there, every real title.
func TestHeldContextsAgreeWithTheLibrary(t *testing.T) {
	t.Parallel()
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pq, err := rego.New(rego.Query(`x := data.held_reference.x`),
		rego.ParsedBundle("xiaoer", b), rego.Module("held_reference.rego", heldModule),
		rego.SetRegoVersion(ast.RegoV1), rego.StoreReadAST(true)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ls []*listings.Listing
	for _, root := range []string{labelledDir, filepath.Join("..", "fixtures", "labelled")} {
		ls = append(ls, labelledListings(t, root)...)
	}
	ls = append(ls, fixtureListings(t, filepath.Join("..", "fixtures"))...)
	ls = append(ls, corpusTitleListings(t)...)
	compared, positions := 0, 0
	for _, l := range ls {
		in, err := checker(t).Engine.Input(checker(t).Builder.Build(l))
		if err != nil {
			t.Fatal(err)
		}
		held, plain := withoutHeld(t, in)
		if held == nil {
			t.Fatalf("%s %s: the engine gave no held", l.Source, l.ID)
		}
		got := heldTuples(held)
		rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(plain))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s %s: the library's answer: %v (%d results)", l.Source, l.ID, err, len(rs))
		}
		want, err := ast.InterfaceToValue(rs[0].Bindings["x"])
		if err != nil {
			t.Fatal(err)
		}
		wantSet := ast.NewSet()
		want.(*ast.Array).Foreach(func(e *ast.Term) { wantSet.Add(e) })
		if got.Compare(wantSet) != 0 {
			t.Errorf("%s %s: held differs\n engine only: %v\nlibrary only: %v", l.Source, l.ID, got.Diff(wantSet), wantSet.Diff(got))
			continue
		}
		compared++
		positions += got.Len()
	}
	t.Logf("%d listings compared, %d positions where a context holds", compared, positions)
	if compared < 500 || positions < 1000 {
		t.Errorf("%d listings, %d positions: want hundreds and thousands", compared, positions)
	}
}

// withoutHeld is input.listing.lexicon.held of document in (nil when
// there is none) and the document without it.
func withoutHeld(t *testing.T, in ast.Value) (ast.Object, ast.Value) {
	t.Helper()
	doc := in.(ast.Object)
	listing := doc.Get(ast.StringTerm("listing")).Value.(ast.Object)
	lexicon := listing.Get(ast.StringTerm("lexicon")).Value.(ast.Object)
	held := lexicon.Get(ast.StringTerm("held"))
	if held == nil {
		return nil, in
	}
	lexicon = withoutKey(lexicon, "held")
	listing = withKey(listing, "lexicon", lexicon)
	return held.Value.(ast.Object), withKey(doc, "listing", listing)
}

// withoutKey and withKey are copies of obj without key, or with key set
// to v.
func withoutKey(obj ast.Object, key string) ast.Object {
	out := ast.NewObject()
	obj.Foreach(func(k, v *ast.Term) {
		if !k.Equal(ast.StringTerm(key)) {
			out.Insert(k, v)
		}
	})
	return out
}

func withKey(obj ast.Object, key string, v ast.Value) ast.Object {
	out := withoutKey(obj, key)
	out.Insert(ast.StringTerm(key), ast.NewTerm(v))
	return out
}

// heldTuples flattens held into [table, context, list, field, position].
func heldTuples(held ast.Object) ast.Set {
	out := ast.NewSet()
	held.Foreach(func(table, names *ast.Term) {
		names.Value.(ast.Object).Foreach(func(name, wheres *ast.Term) {
			wheres.Value.(ast.Object).Foreach(func(where, fields *ast.Term) {
				fields.Value.(ast.Object).Foreach(func(field, at *ast.Term) {
					at.Value.(ast.Set).Foreach(func(p *ast.Term) {
						out.Add(ast.ArrayTerm(table, name, where, field, p))
					})
				})
			})
		})
	})
	return out
}
