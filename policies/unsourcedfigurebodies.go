package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// More candidate bodies of ad-unsourced-claim for xiaoer.unsourced_hits:
// a word before or after a counted figure, and the pattern candidates.

// foundWord is a found word with whole i and n.
type foundWord struct {
	hit, field, s, entry *ast.Term
	i, n                 int
}

// foundWords are the words of found whose entry has key holding value
// (any truthy value where value is nil); errUnanswered where one lacks
// a whole i or n.
func (u *unsourcedListing) foundWords(key, value *ast.Term) ([]foundWord, error) {
	var out []foundWord
	for _, g := range terms(u.found.Value) {
		entry := get(g, keyEntry)
		v := get(entry, key)
		if value == nil && !truthy(v) || value != nil && (v == nil || !v.Equal(value)) {
			continue
		}
		i, okI := intAt(g, keyI)
		n, okN := intAt(g, keyN)
		if !okI || !okN {
			return nil, errUnanswered
		}
		out = append(out, foundWord{hit: g, field: get(g, keyField), s: get(g, keyS), entry: entry, i: i, n: n})
	}
	return out, nil
}

// countedBig is counted(num) and, where big is asked, big(num).
func (u *unsourcedListing) countedBig(num *ast.Term, askBig bool) (bool, error) {
	units, ok := valueOf(get(u.table, keyCountUnits)).(ast.Object)
	if !ok {
		return false, errUnanswered
	}
	counted, ok := countedFigure(num, units)
	if !ok {
		return false, errUnanswered
	}
	big := !askBig || truthy(get(num, keyPlus)) || ast.Compare(get(num, keyValue).Value, bigCount) >= 0
	return counted && big, nil
}

// adjacentCandidates: a count word of adjacent_count right before a big
// counted figure.
func (u *unsourcedListing) adjacentCandidates(out ast.Set) error {
	words, err := u.foundWords(keyAdjacent, nil)
	for _, g := range words {
		for k := range u.figures.Len() {
			num := u.figures.Elem(k)
			if first, _ := intAt(num, keyTi); !fieldsMatch(num, g.hit) || first != g.i+g.n {
				continue
			}
			if keep, err := u.countedBig(num, true); !keep || err != nil {
				if err != nil {
					return err
				}
				continue
			}
			last, _ := intAt(num, keyTL)
			if err := u.addHitOf(out, g.field, g.i, last, g.s, get(num, keyE)); err != nil {
				return err
			}
		}
	}
	return err
}

// wordedCandidates: a count word before a figure written in words, from
// xiaoer.worded_counts (asked only where a count word is found).
func (u *unsourcedListing) wordedCandidates(out ast.Set) error {
	words, err := u.foundWords(keyMetric, countMetric)
	if err != nil || len(words) == 0 {
		return err
	}
	counts, err := u.called(wordedCounts, u.figureTerm, get(u.table, keyCountUnits), u.fields)
	if err != nil {
		return err
	}
	for _, g := range words {
		after := g.i + g.n
		for _, pair := range terms(counts.Value) {
			num := get(pair, ast.InternedTerm(0))
			first, ok := intAt(pair, ast.InternedTerm(1))
			if !ok || !fieldsMatch(num, g.hit) || first < after || first > after+2 || clauseBetween(u.tokens(g.field), after, first-1) {
				continue
			}
			last, _ := intAt(num, keyTL)
			if err := u.addHitOf(out, g.field, g.i, last, g.s, get(num, keyE)); err != nil {
				return err
			}
		}
	}
	return nil
}

// afterCandidates: a counted figure before the words of what people did,
// from xiaoer.runs_after, outside price_share.
func (u *unsourcedListing) afterCandidates(out ast.Set) error {
	runs := get(u.runs, keyMetricsAfter)
	if runs == nil {
		runs = ast.ArrayTerm()
	}
	pairs, err := u.called(runsAfter, u.figureTerm, runs, ast.InternedTerm(1))
	if err != nil {
		return err
	}
	for _, pair := range terms(pairs.Value) {
		num, r := get(pair, ast.InternedTerm(0)), get(pair, ast.InternedTerm(1))
		keep, err := u.countedBig(num, false)
		if err != nil {
			return err
		}
		if !keep || !u.unitFits(num, get(r, keyKey)) {
			continue
		}
		if err := u.addAfterHit(out, num, r); err != nil {
			return err
		}
	}
	return nil
}

// unitFits is unit_fits(num, key) (figures.rego).
func (u *unsourcedListing) unitFits(num, key *ast.Term) bool {
	after := get(get(u.table, keyMetricsAfter), key)
	if after != nil && after.Equal(ast.InternedTerm(true)) {
		return true
	}
	in, _ := holdsMember(get(after, keyUnits), get(num, keyUnit))
	return in
}

// addAfterHit adds the hit from figure num to the end of run r, unless
// price_share holds around it.
func (u *unsourcedListing) addAfterHit(out ast.Set, num, r *ast.Term) error {
	i, okI := intAt(r, keyI)
	n, okN := intAt(r, keyN)
	if !okI || !okN {
		return errUnanswered
	}
	first, _ := intAt(num, keyTi)
	field, last := get(num, keyField), (i+n)-1
	hit, err := u.hitOf(field, first, last, get(num, keyS), u.tokenEnd(field, last))
	if hit == nil || err != nil {
		return err
	}
	share, err := u.own.answer(ctxPriceShare, hit)
	if !share && err == nil {
		out.Add(hit)
	}
	return err
}

// patternCandidates adds to cands the pattern hits (xiaoer.found_pattern_hits)
// that no candidate shadows and no allow context of theirs exempts. The
// shadowed ones, most of them on an export row, are never built.
func (u *unsourcedListing) patternCandidates(cands ast.Set) (ast.Set, error) {
	if u.runs == nil {
		return cands, nil
	}
	shadowed := func(field, s, e *ast.Term) bool { return shadowedBy(cands, field, s, e) }
	hits, err := patternHitSet(foundPatternOperands([]*ast.Term{u.runs, u.table, u.listing, u.skip}), shadowed)
	if err != nil {
		return nil, err
	}
	var kept []*ast.Term
	for _, h := range hits.Slice() {
		exempt, err := u.exemptPattern(h)
		if err != nil {
			return nil, err
		}
		if !exempt {
			kept = append(kept, h)
		}
	}
	for _, h := range kept {
		cands.Add(h)
	}
	return cands, nil
}

// exemptPattern is allowed(h), aspiration(h) or own_model_baseline(h):
// all ask for the entry's allow contexts.
func (u *unsourcedListing) exemptPattern(h *ast.Term) (bool, error) {
	entry := get(h, keyEntry)
	allow := get(entry, keyAllow)
	if allowed, err := anyAllowed(u.own, h, allow); err != nil || allowed {
		return allowed, err
	}
	if aspiring, err := u.aspiration(h, entry); err != nil || aspiring {
		return aspiring, err
	}
	return u.ownModelBaseline(h, allow)
}

// shadowedBy is shadowed(h) for a hit h of field, s and e (all defined):
// a candidate spans it exactly.
func shadowedBy(cands ast.Set, field, s, e *ast.Term) bool {
	shadowed := false
	cands.Foreach(func(c *ast.Term) {
		shadowed = shadowed || sameSpan(c, field, s, e)
	})
	return shadowed
}

// sameSpan: c has e, s and field equal to those given.
func sameSpan(c, field, s, e *ast.Term) bool {
	for _, kv := range [3][2]*ast.Term{{keyE, e}, {keyS, s}, {keyField, field}} {
		if a := get(c, kv[0]); a == nil || !a.Equal(kv[1]) {
			return false
		}
	}
	return true
}
