package policies

import (
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.name_kind(listing, c, registered, brands) is lexicon.name_kind
// (lib/names.rego) of hit c on an engine's listing (one with the found
// list): the kind of name the hit lies inside (registered_name,
// brand_attribute, work_title), undefined where it lies in none. Every
// word rule asks it for each hit on a listing with a name (most listings
// with a brand attribute): in Rego its five bodies, the calls of
// inside_name, run_spells and in_title_marks and the walks of found took
// about 360k instructions a judged export row with a brand attribute;
// here they are one step. Undefined without the found list (a document
// built by hand: the Rego decides there). It errs where the Rego erred
// (a hit's offsets that are not integers, a token text or name that is
// not a string), as the engine's evaluation is strict.
//
// It is registered with OPA with the others (builtins.go).
var nameKindBuiltin = &ast.Builtin{
	Name:        "xiaoer.name_kind",
	Description: "The kind of name a hit lies inside, on an engine's listing (see name_kind in lib/names.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("c", types.A).Description("the hit"),
			types.Named("registered", types.A).Description("lexicon.registered_names"),
			types.Named("brands", types.A).Description("lexicon.brand_names"),
		),
		types.Named("kind", types.S),
	),
}

var (
	kindRegistered = ast.StringTerm("registered_name")
	kindBrand      = ast.StringTerm("brand_attribute")
	kindWork       = ast.StringTerm("work_title")
	keyWorks       = key("works")
	keyTitleMarks  = key("title_marks")
	openTitle      = ast.StringTerm("《")
	closeTitle     = ast.StringTerm("》")
)

func nameKind(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, c := operands[0], operands[1]
	found := get(get(listing, keyLexicon), keyFound)
	if found == nil {
		return nil
	}
	h, err := nameHitOf(listing, c)
	if err != nil {
		return err
	}
	names := get(found, tableNames)
	kind, err := h.kind(operands[2], operands[3], terms(valueOf(get(names, keyWorks))), terms(valueOf(get(names, keyTitleMarks))))
	if err != nil || kind == nil {
		return err
	}
	return iter(kind)
}

// kind is name_kind's else chain: the first kind of name that holds the
// hit, nil for none.
func (h nameHit) kind(registered, brands *ast.Term, works, marks []*ast.Term) (*ast.Term, error) {
	if in, err := h.insideName(registered); err != nil || in {
		return kindRegistered, err
	}
	if in, err := h.insideName(brands); err != nil || in {
		return kindBrand, err
	}
	if h.inRun(works) || h.inTitleMarks(marks) {
		return kindWork, nil
	}
	titles, err := h.markedTitles(marks)
	if err != nil {
		return nil, err
	}
	if in, err := h.insideName(titles); err != nil || in {
		return kindWork, err
	}
	return nil, nil
}

// inRun: the hit lies inside one of runs (the works found), in its field.
func (h nameHit) inRun(runs []*ast.Term) bool {
	for _, w := range runs {
		i, okI := intAt(w, keyI)
		n, okN := intAt(w, keyN)
		if okI && okN && h.sameField(w) && i <= h.i && h.i+h.n <= i+n {
			return true
		}
	}
	return false
}

// inTitleMarks is in_title_marks: the hit lies between 《 and 》 of its
// field, within 12 tokens either side, with no 》 before it nor 《 after
// it inside them.
func (h nameHit) inTitleMarks(marks []*ast.Term) bool {
	end := h.i + h.n
	for _, open := range h.marksOf(marks, openTitle, h.field) {
		o, _ := intAt(open, keyI)
		if o >= h.i || o < h.i-12 || h.toks.markBetween(o+1, h.i-1, closeTitle) {
			continue
		}
		for _, close := range h.marksOf(marks, closeTitle, h.field) {
			if e, _ := intAt(close, keyI); e >= end && e <= end+12 && !h.toks.markBetween(end, e-1, openTitle) {
				return true
			}
		}
	}
	return false
}

// markedTitles is marked_titles: the names between 《 and 》 anywhere in
// the listing (more than one character, within 13 tokens, no 》 inside),
// as an object of name: true.
func (h nameHit) markedTitles(marks []*ast.Term) (*ast.Term, error) {
	out := ast.NewObject()
	for _, open := range h.marksOf(marks, openTitle, nil) {
		field := get(open, keyField)
		toks := tokensOf(get(h.fields, field))
		if toks.arr == nil {
			continue
		}
		o, _ := intAt(open, keyI)
		for _, close := range h.marksOf(marks, closeTitle, field) {
			e, _ := intAt(close, keyI)
			if e <= o+1 || e > o+13 || toks.markBetween(o+1, e-1, closeTitle) {
				continue
			}
			name, err := toks.concat(o+1, e-1)
			if err != nil {
				return nil, err
			}
			if utf8.RuneCountInString(name) > 1 {
				out.Insert(ast.StringTerm(name), ast.InternedTerm(true))
			}
		}
	}
	return ast.NewTerm(out), nil
}

// marksOf are the title marks whose key is mark and whose offset is an
// integer, in field (any field where nil).
func (h nameHit) marksOf(marks []*ast.Term, mark, field *ast.Term) []*ast.Term {
	var out []*ast.Term
	for _, m := range marks {
		if _, ok := intAt(m, keyI); !ok || !mark.Equal(get(m, keyKey)) {
			continue
		}
		if f := get(m, keyField); field == nil || (f != nil && f.Equal(field)) {
			out = append(out, m)
		}
	}
	return out
}
