package policies

import (
	"errors"
	"regexp"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.brand_names(listing, names) is lexicon.brand_names
// (lib/names.rego) on an engine's listing (one with the found list):
// the names its brand attributes give (names.brand_attributes, split at
// the marks attribute_brands splits at) and those its fields declare
// after a brand label and a colon (declared_brands), as an object of
// name: true. In Rego, declared_brands asked run_edge, glued and is_mark
// for every token after the colon, and the split took a dozen steps an
// attribute: about 900k instructions a listing with a brand attribute
// (its label is in the attributes field too). Undefined without the
// found list (a document built by hand) and where a token, offset or
// value is not what the Rego reads (the Rego then decides, or errs, as
// it always did).
//
// It is registered with OPA with the others (builtins.go).
var brandNamesBuiltin = &ast.Builtin{
	Name:        "xiaoer.brand_names",
	Description: "The names a listing's brand attributes and brand labels give (see brand_names in lib/names.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("names", types.A).Description("data.tables.registered_names"),
		),
		types.Named("brands", types.NewObject(nil, types.NewDynamicProperty(types.S, types.B))),
	),
}

var (
	// brandSplit is attribute_brands' split of a brand attribute's value.
	brandSplit = regexp.MustCompile(`[/／|｜,，、;；()（）]+`)
	// markText is is_mark's pattern: punctuation and symbols only.
	markText = regexp.MustCompile(`^[\pP\pS]+$`)
	// errOddToken: a token, offset or value the builtin leaves to the Rego.
	errOddToken = errors.New("left to the Rego")
)

func brandNames(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, names := operands[0], operands[1]
	found := get(get(listing, keyLexicon), keyFound)
	if found == nil {
		return nil
	}
	out := ast.NewObject()
	if err := attributeBrands(out, get(listing, keyAttributes), get(names, keyBrandAttributes)); err != nil {
		return nil
	}
	labels := get(get(found, tableNames), keyBrandAttributes)
	for _, label := range terms(valueOf(labels)) {
		if err := declaredBrands(out, get(listing, keyFields), label); err != nil {
			return nil
		}
	}
	return iter(ast.NewTerm(out))
}

// attributeBrands adds to out the names of attribute_brands: the parts
// of each brand attribute's value, lower-case and without spaces.
func attributeBrands(out ast.Object, attributes, brands *ast.Term) error {
	for _, a := range terms(valueOf(attributes)) {
		if name := get(a, keyName); name == nil || !truthy(get(brands, name)) {
			continue
		}
		value, ok := termOf[ast.String](get(a, keyValue))
		if !ok {
			return errOddToken
		}
		for _, part := range brandSplit.Split(strings.ToLower(string(value)), -1) {
			if name := strings.ReplaceAll(strings.TrimSpace(part), " ", ""); name != "" {
				out.Insert(ast.StringTerm(name), ast.InternedTerm(true))
			}
		}
	}
	return nil
}

// declaredBrands adds to out the names declared_brands reads after brand
// label (a run of found): each run of up to four glued tokens between
// run edges, from the token after the colon to the first mark, within
// six tokens of the colon.
func declaredBrands(out ast.Object, fields, label *ast.Term) error {
	toks := tokensOf(get(fields, get(label, keyField)))
	if toks.arr == nil {
		return nil
	}
	i, okI := intAt(label, keyI)
	n, okN := intAt(label, keyN)
	if !okI || !okN {
		return errOddToken
	}
	colon := i + n
	if t := get(toks.at(colon), keyT); t == nil || !(t.Equal(ast.StringTerm(":")) || t.Equal(ast.StringTerm("："))) {
		return nil
	}
	last := min(colon+6, toks.arr.Len()-1)
	stop, err := toks.firstMark(colon+1, last)
	if err != nil || last <= colon || stop <= colon+1 {
		return err
	}
	for a := colon + 1; a <= stop-1; a++ {
		if edge, err := toks.runEdge(a-1, a); err != nil || !edge {
			if err != nil {
				return err
			}
			continue
		}
		if err := toks.runsFrom(out, a, min(a+3, stop-1)); err != nil {
			return err
		}
	}
	return nil
}

// firstMark is stop: the first mark among tokens from..last, or last + 1.
// Every token is looked at, as the Rego's comprehension does.
func (toks fieldTokens) firstMark(from, last int) (int, error) {
	stop := last + 1
	for m := last; m >= from; m-- {
		mark, err := toks.isMark(m)
		if err != nil {
			return 0, err
		}
		if mark {
			stop = m
		}
	}
	return stop, nil
}

// runEdge is run_edge: tokens i and j are not one run (either is
// missing, a space lies between them, or either is a mark).
func (toks fieldTokens) runEdge(i, j int) (bool, error) {
	ti, tj := toks.at(i), toks.at(j)
	if ti == nil || tj == nil {
		return true, nil
	}
	if s, e := get(tj, keyS), get(ti, keyE); s != nil && e != nil && ast.Compare(s.Value, e.Value) != 0 {
		return true, nil
	}
	if mark, err := toks.isMark(i); err != nil || mark {
		return mark, err
	}
	return toks.isMark(j)
}

// glued: tokens a..b follow each other with nothing between them.
func (toks fieldTokens) glued(a, b int) bool {
	for m := a + 1; m <= b; m++ {
		s, e := get(toks.at(m), keyS), get(toks.at(m-1), keyE)
		if s == nil || e == nil || ast.Compare(s.Value, e.Value) != 0 {
			return false
		}
	}
	return true
}

// runsFrom adds to out the runs from token a to each b up to last that
// are glued and end at a run edge.
func (toks fieldTokens) runsFrom(out ast.Object, a, last int) error {
	for b := a; b <= last; b++ {
		if !toks.glued(a, b) {
			continue
		}
		edge, err := toks.runEdge(b, b+1)
		if err != nil {
			return err
		}
		if !edge {
			continue
		}
		name, err := toks.concat(a, b)
		if err != nil {
			return err
		}
		out.Insert(ast.StringTerm(name), ast.InternedTerm(true))
	}
	return nil
}
