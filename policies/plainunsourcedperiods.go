package policies

import "github.com/open-policy-agent/opa/v1/ast"

// A claim of a plain listing (no evidence marker: lib/sources.rego's
// evidence is empty) lacks its period unless a period figure lies in its
// sentence: lexicon.missing's second branch, where its field has one
// (period_fields), asks not_has_period, whose only body that can hold
// without evidence is has_period's second: a figure of period_figures
// inside sentence_at(c.field, c.s).

var (
	unitYear  = ast.String("年")
	unitMonth = ast.String("月")
	// skippedField is ad-unsourced-claim's skip: its claim_period_fields
	// leave that field's figures out, lexicon.period_fields do not.
	skippedField     = ast.String("attributes")
	skippedFieldTerm = ast.NewTerm(skippedField)
	yearRange        = [2]ast.Value{ast.Number("1990"), ast.Number("2100")}
	monthRange       = [2]ast.Value{ast.Number("1"), ast.Number("12")}
	sentenceAll      = [2]ast.Value{ast.Number("0"), ast.Number("1000000000")}
)

// periodSpans are the spans [s, e] of a listing's period figures, by field.
type periodSpans map[ast.String][][2]ast.Value

// periodsOf are the period figures among numbers (period_figures with no
// evidence: a year 1990..2100 or a month 1..12), ok false where one of
// 年 or 月 has a value, field or span that is not what the engine writes.
func periodsOf(numbers *ast.Term) (periodSpans, bool) {
	out := periodSpans{}
	for _, num := range terms(valueOf(numbers)) {
		unit, _ := termOf[ast.String](get(num, keyUnit))
		bounds := yearRange
		switch unit {
		case unitYear:
		case unitMonth:
			bounds = monthRange
		default:
			continue
		}
		value, okV := termOf[ast.Number](get(num, keyValue))
		field, okF := termOf[ast.String](get(num, keyField))
		s, okS := termOf[ast.Number](get(num, keyS))
		e, okE := termOf[ast.Number](get(num, keyE))
		if !okV || !okF || !okS || !okE {
			return nil, false
		}
		if within(value, bounds) {
			out[field] = append(out[field], [2]ast.Value{s, e})
		}
	}
	return out, true
}

// within: bounds[0] <= v <= bounds[1].
func within(v ast.Value, bounds [2]ast.Value) bool {
	return ast.Compare(bounds[0], v) <= 0 && ast.Compare(v, bounds[1]) <= 0
}

// stated is the periodStated of the claims of a listing with fields: a
// claim in a field without a period figure states none; in a field with
// one, whether one lies in its sentence. A claim in the skipped field, or
// whose sentence is not plain (no start, two sentences holding it, no
// tokens to count where none holds it), is left to the Rego.
func (p periodSpans) stated(fields *ast.Term) periodStated {
	return func(c *ast.Term) (bool, bool) {
		field, okF := termOf[ast.String](get(c, keyField))
		spans := p[field]
		if !okF || len(spans) == 0 {
			return false, true
		}
		s, okS := termOf[ast.Number](get(c, keyS))
		if field == skippedField || !okS {
			return false, false
		}
		sentence, ok := sentenceOf(get(fields, ast.NewTerm(field)), s)
		if !ok {
			return false, false
		}
		for _, sp := range spans {
			if ast.Compare(sp[0], sentence[0]) >= 0 && ast.Compare(sp[1], sentence[1]) <= 0 {
				return true, true
			}
		}
		return false, true
	}
}

// sentenceOf is [s, e] of lexicon.sentence_at(name, s) in field f: the
// one sentence holding byte s, or the whole field where none does.
func sentenceOf(f *ast.Term, s ast.Number) ([2]ast.Value, bool) {
	var out [2]ast.Value
	held := 0
	for _, sp := range terms(valueOf(get(f, keySentences))) {
		from, okF := termOf[ast.Number](get(sp, keyS))
		to, okT := termOf[ast.Number](get(sp, keyE))
		if !okF || !okT {
			return out, false
		}
		if ast.Compare(from, s) <= 0 && ast.Compare(s, to) < 0 {
			out, held = [2]ast.Value{from, to}, held+1
		}
	}
	if held == 0 && get(f, keyTokens) != nil {
		return sentenceAll, true
	}
	return out, held == 1
}
