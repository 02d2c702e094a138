package scanner

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// heldModule is the library's own answer, on a document without
// input.listing.lexicon.held: the positions where before_match,
// after_match and sentence_match hold, as [table, context, list, field,
// position]: the first token of a hit (before), the token right after it
// (after), the end of its sentence (sentence; a hit outside every
// sentence reads the whole field). Positions are tried within the
// context's window of each context word of the listing (nowhere else can
// such a match hold) and within the field (0 to its token count), where
// hits are.
const heldModule = `package held_reference

import data.xiaoer.lib.lexicon

x := (before | after) | sentences

# uses are the context words of the listing with the contexts whose list
# (before, after or sentence) holds them; listing is every context word
# of the tables with its [table, context, list] (written in by the test).
uses contains [f, p, r, t, n, where] if {
	some f, runs_at in lexicon.context_at
	some p, runs in runs_at
	some r in runs
	some [t, n, where] in listing[r.key]
}

listing := %s

window(t, n) := object.get(data.tables[t].contexts[n], "window", 3)

before contains [t, n, "before", f, i] if {
	some [f, p, _, t, n, "before"] in uses
	some i in numbers.range(p + 1, p + window(t, n))
	i <= count(input.listing.fields[f].tokens)
	lexicon.before_match(t, n, {"field": f, "i": i})
}

after contains [t, n, "after", f, j] if {
	some [f, p, _, t, n, "after"] in uses
	some j in numbers.range((p - window(t, n)) + 1, p)
	j >= 0
	lexicon.after_match(t, n, {"field": f, "i": j, "n": 0})
}

sentences contains [t, n, "sentence", f, e] if {
	some [f, _, _, t, n, "sentence"] in uses
	some s in array.concat([-1], [sp.s | some sp in input.listing.fields[f].sentences])
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
		rego.ParsedBundle("xiaoer", b), rego.Module("held_reference.rego", fmt.Sprintf(heldModule, contextListing(t, b.Data))),
		rego.SetRegoVersion(ast.RegoV1), rego.StoreReadAST(true)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Every rule judging every listing, held covers the contexts of
	// every table a rule reads (a listing's held leaves out the tables
	// only skipped rules read).
	all := newChecker(t, engine.Options{EvaluateAll: true})
	ls := knownListings(t)
	compared, positions := 0, 0
	for _, l := range ls {
		in, err := all.Engine.Input(all.Builder.Build(l))
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

// contextListing is every word of the before, after and sentence lists of
// every context of data.tables, with the [table, context, list] holding
// it, as JSON.
func contextListing(t *testing.T, data map[string]any) string {
	t.Helper()
	out := map[string][][3]string{}
	tables, _ := data["tables"].(map[string]any)
	for table, tab := range tables {
		contexts, _ := tab.(map[string]any)["contexts"].(map[string]any)
		for name, c := range contexts {
			for _, where := range []string{"before", "after", "sentence"} {
				words, _ := c.(map[string]any)[where].(map[string]any)
				for w := range words {
					out[w] = append(out[w], [3]string{table, name, where})
				}
			}
		}
	}
	raw, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
