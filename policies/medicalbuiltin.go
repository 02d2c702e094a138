package policies

import (
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.medical_kinds(found, tables, fields, category) is ad-medical-
// claim's regulated_kinds (rules/ad_medical_claim): the kinds of
// regulated product a listing is judged as, from the engine's found runs
// of the rule's lexicons (input.listing.lexicon.found.ad_medical_claim),
// its tables, the listing's fields and its category. The Rego walked the
// runs, the markers beside them, the drug names and the yields in a
// dozen rules and calls, about a sixth of the rule on a title it
// judges; here it is one step.
//
// It answers only where every run, token and table it reads is well
// formed (runs with a field, a key and whole-number i and n; tokens with
// a string t and numbers s and e; the category a string; kinds' yields
// an array or a set) and is undefined otherwise, so the Rego meets
// anything else as it always did.
var medicalKindsBuiltin = &ast.Builtin{
	Name:        "xiaoer.medical_kinds",
	Description: "The kinds of regulated product ad-medical-claim judges a listing as (see regulated_kinds in rules/ad_medical_claim).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("found", types.A).Description("input.listing.lexicon.found.ad_medical_claim"),
			types.Named("tables", types.A).Description("data.tables.ad_medical_claim"),
			types.Named("fields", types.A).Description("input.listing.fields"),
			types.Named("category", types.A).Description("the listing's category, or \"\""),
		),
		types.Named("kinds", types.NewSet(types.A)),
	),
}

var (
	keyKind       = key("kind")
	keyYieldsTo   = key("yields_to")
	keyCategories = key("regulated_categories")
	termDrug      = ast.StringTerm("drug")
	termPlain     = ast.StringTerm("plain_goods")
	termDevice    = ast.StringTerm("device")
	termTreatment = ast.StringTerm("treatment")
	lexRegulated  = ast.StringTerm("regulated")
	lexDosage     = ast.StringTerm("dosage_suffixes")
	lexWords      = ast.StringTerm("words")
	lexAfter      = ast.StringTerm("not_regulated_after")
	lexBefore     = ast.StringTerm("not_regulated_before")
)

// medicalRun is a well-formed run of found.
type medicalRun struct {
	field, key *ast.Term
	i, n       int
}

func medicalKinds(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	kinds, ok := medicalKindsOf(operands[0], operands[1], operands[2], operands[3])
	if !ok {
		return nil
	}
	return iter(ast.NewTerm(kinds))
}

func medicalKindsOf(found, tables, fields, category *ast.Term) (ast.Set, bool) {
	m := medicalReads{found: found, tables: tables, fields: fields}
	regulated, byWords := m.byWords()
	if m.bad {
		return nil, false
	}
	if m.drugName() {
		regulated.Add(termDrug)
	}
	cat, ok := category.Value.(ast.String)
	if m.bad || !ok {
		return nil, false
	}
	if cat != "" {
		m.categoryKinds(string(cat), byWords, regulated)
	}
	judged := ast.NewSet()
	regulated.Foreach(func(kind *ast.Term) {
		if !m.yielded(kind, regulated) {
			judged.Add(kind)
		}
	})
	if m.bad {
		return nil, false
	}
	return judged, true
}

// medicalReads reads the operands; bad records anything not well formed.
type medicalReads struct {
	found, tables, fields *ast.Term
	bad                   bool
}

// runs are found's runs of lexicon lex (none where it has none, as
// lexicon.found gives []).
func (m *medicalReads) runs(lex *ast.Term) []medicalRun {
	list := get(m.found, lex)
	if list == nil {
		return nil
	}
	terms, err := elements(list, 1)
	if err != nil {
		m.bad = true
		return nil
	}
	out := make([]medicalRun, 0, len(terms))
	for _, t := range terms {
		field, key := get(t, keyField), get(t, keyKey)
		i, okI := wholeNumber(get(t, keyI))
		n, okN := wholeNumber(get(t, keyN))
		if field == nil || key == nil || !okI || !okN {
			m.bad = true
			return nil
		}
		out = append(out, medicalRun{field: field, key: key, i: i, n: n})
	}
	return out
}

// token is token k of field: its text, start and end (ok false where
// there is none; bad set where it is not well formed).
func (m *medicalReads) token(field *ast.Term, k int) (t string, s, e *ast.Term, ok bool) {
	if k < 0 {
		return "", nil, nil, false
	}
	tok := get(get(get(m.fields, field), keyTokens), ast.IntNumberTerm(k))
	if tok == nil {
		return "", nil, nil, false
	}
	tt := get(tok, keyT)
	s, e = get(tok, keyS), get(tok, keyE)
	if tt == nil || s == nil || e == nil {
		m.bad = true
		return "", nil, nil, false
	}
	text, isStr := tt.Value.(ast.String)
	if !isStr {
		m.bad = true
		return "", nil, nil, false
	}
	if _, ok := s.Value.(ast.Number); !ok {
		m.bad = true
	}
	if _, ok := e.Value.(ast.Number); !ok {
		m.bad = true
	}
	return string(text), s, e, !m.bad
}

// byWords is regulated_by_words as a set, twice: the start of regulated
// and the kinds the category reads. Without a marker lexicon in found,
// every run's kind; with one, the runs no marker token qualifies.
func (m *medicalReads) byWords() (ast.Set, ast.Set) {
	markers := truthy(get(m.found, lexAfter)) || truthy(get(m.found, lexBefore))
	regulated, words := ast.NewSet(), ast.NewSet()
	table := get(m.tables, lexRegulated)
	for _, r := range m.runs(lexRegulated) {
		kind := get(get(table, r.key), keyKind)
		if kind == nil || markers && m.markerQualified(r) {
			continue
		}
		regulated.Add(kind)
		words.Add(kind)
	}
	return regulated, words
}

// markerQualified is marker_qualified: the token after the run is a
// key of not_regulated_after, or the one before it of
// not_regulated_before.
func (m *medicalReads) markerQualified(r medicalRun) bool {
	if t, _, _, ok := m.token(r.field, r.i+r.n); ok && truthy(get(get(m.tables, lexAfter), ast.StringTerm(t))) {
		return true
	}
	t, _, _, ok := m.token(r.field, r.i-1)
	return ok && truthy(get(get(m.tables, lexBefore), ast.StringTerm(t)))
}

// drugName is `some _ in drug_names`: a dosage form of one token glued
// right after a medical term (words, as lexicon.matches hits them), or
// after one or two tokens of one character glued to it.
func (m *medicalReads) drugName() bool {
	doses := m.runs(lexDosage)
	if len(doses) == 0 {
		return false
	}
	terms := m.wordHits()
	named := false
	for _, d := range doses {
		if d.n != 1 {
			continue
		}
		for _, t := range terms {
			// every pair, as the Rego's partial set takes them: a token
			// it would fail on is read here too (bad, not an answer)
			if ast.Compare(t.field.Value, d.field.Value) == 0 && m.namesDrug(t, d.i) {
				named = true
			}
		}
	}
	return named
}

// wordHits are the runs of words lexicon.matches makes hits of: a key
// the table has, tokens at both ends.
func (m *medicalReads) wordHits() []medicalRun {
	table := get(m.tables, lexWords)
	var out []medicalRun
	for _, r := range m.runs(lexWords) {
		if get(table, r.key) == nil {
			continue
		}
		_, s, _, okS := m.token(r.field, r.i)
		_, _, e, okE := m.token(r.field, r.i+r.n-1)
		if okS && okE && s != nil && e != nil {
			out = append(out, r)
		}
	}
	return out
}

// namesDrug is the body of drug_names for term t and a dosage form at
// token end.
func (m *medicalReads) namesDrug(t medicalRun, end int) bool {
	from := t.i + t.n
	if gap := end - from; gap < 0 || gap > 2 {
		return false
	}
	for g := from; g <= end; g++ { // each token glued to the one before
		_, _, e, ok1 := m.token(t.field, g-1)
		_, s, _, ok2 := m.token(t.field, g)
		if !ok1 || !ok2 || ast.Compare(e.Value, s.Value) != 0 {
			return false
		}
	}
	for g := from; g < end; g++ { // the tokens between term and dosage form
		text, _, _, ok := m.token(t.field, g)
		if !ok || utf8.RuneCountInString(text) != 1 {
			return false
		}
	}
	return true
}

// categoryKinds adds the kinds of the category's words to regulated,
// but a device or treatment where the words name plain goods.
func (m *medicalReads) categoryKinds(category string, byWords, regulated ast.Set) {
	table := get(m.tables, ast.StringTerm("category_kinds"))
	if table == nil {
		m.bad = true
		return
	}
	kinds, ok := table.Value.(ast.Object)
	if !ok {
		m.bad = true
		return
	}
	plain := byWords.Contains(termPlain)
	kinds.Foreach(func(word, kind *ast.Term) {
		w, ok := word.Value.(ast.String)
		if !ok {
			m.bad = true
			return
		}
		if !strings.Contains(category, string(w)) {
			return
		}
		if plain && (kind.Equal(termDevice) || kind.Equal(termTreatment)) {
			return
		}
		regulated.Add(kind)
	})
}

// yielded: some kind kind yields to is in regulated.
func (m *medicalReads) yielded(kind *ast.Term, regulated ast.Set) bool {
	to := get(get(get(m.tables, keyCategories), kind), keyYieldsTo)
	if to == nil {
		return false
	}
	others, err := elements(to, 1)
	if err != nil {
		m.bad = true
		return false
	}
	for _, o := range others {
		if regulated.Contains(o) {
			return true
		}
	}
	return false
}
