package policies

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The candidate bodies of ad-unsourced-claim (rules/ad_unsourced_claim/
// ad_unsourced_claim.rego) for xiaoer.unsourced_hits, each adding its hits
// to a set; an error (errUnanswered) leaves the listing to the Rego.

// crowdUnits are the units of a figure that counts people on its own
// or before a crowd word.
var crowdUnits = map[ast.String]bool{"": true, "人": true}

// wordCandidates are the found words that are no metric, but for
// aspirations and recommendations of courses (a word that may yield to
// ad-medical-claim is Rego's to judge).
func (u *unsourcedListing) wordCandidates(out ast.Set) error {
	for _, c := range terms(u.found.Value) {
		entry := get(c, keyEntry)
		if kind := get(entry, keyKind); kind == nil || kind.Equal(metricKind) {
			continue
		}
		for _, k := range yieldKeys {
			if truthy(get(entry, k)) {
				return errUnanswered
			}
		}
		aspiring, err := u.aspiration(c, entry)
		if err != nil {
			return err
		}
		taught, err := u.toEducation(c, entry)
		if err != nil {
			return err
		}
		if !aspiring && !taught {
			out.Add(c)
		}
	}
	return nil
}

// aspiration: some of the entry's allow contexts of ad-absolute holds.
func (u *unsourcedListing) aspiration(c, entry *ast.Term) (bool, error) {
	return anyAllowed(u.absolute, c, get(entry, keyAllow))
}

// anyAllowed: one of the contexts allow names (none where it is
// undefined) holds around c, as lexicon.may_hold and in_context find it.
func anyAllowed(h heldContexts, c, allow *ast.Term) (bool, error) {
	if allow == nil {
		return false, nil
	}
	names, err := elements(allow, 1)
	if err != nil {
		return false, errUnanswered
	}
	for _, name := range names {
		if holds, err := h.answer(name, c); err != nil || holds {
			return holds, err
		}
	}
	return false, nil
}

// toEducation is yields_to_education.
func (u *unsourcedListing) toEducation(c, entry *ast.Term) (bool, error) {
	if !get(entry, keyKind).Equal(endorsement) || !truthy(get(get(u.education, lexWords), get(c, keyKey))) {
		return false, nil
	}
	return u.taught.answer(ctxEducation, c)
}

// crowdCandidates are the big figures in 万 or 亿 before a group of people.
func (u *unsourcedListing) crowdCandidates(out ast.Set) error {
	for k := range u.figures.Len() {
		num := u.figures.Elem(k)
		unit, ok := termOf[ast.String](get(num, keyUnit))
		value := get(num, keyValue)
		toks := u.tokens(get(num, keyField))
		if !ok || !crowdUnits[unit] || value == nil || ast.Compare(value.Value, bigUnitless) < 0 || toks == nil {
			continue
		}
		first, _ := intAt(num, keyTi)
		last, _ := intAt(num, keyTL)
		big, err := tenThousands(toks, first, last)
		if err != nil {
			return err
		}
		end, ok, err := u.crowdEnd(num, unit, last)
		if !big || !ok || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		field := get(num, keyField)
		if err := u.addHitOf(out, field, first, end, get(num, keyS), u.tokenEnd(field, end)); err != nil {
			return err
		}
	}
	return nil
}

// tenThousands: token first starts with a digit and tokens first..last
// hold 万 or 亿.
func tenThousands(toks *ast.Array, first, last int) (bool, error) {
	if first >= toks.Len() {
		return false, nil
	}
	head, ok := termOf[ast.String](get(toks.Elem(first), keyT))
	if !ok {
		return false, errUnanswered
	}
	if head == "" || head[0] < '0' || head[0] > '9' {
		return false, nil
	}
	for m := min(first, last); m <= max(first, last) && m < toks.Len(); m++ {
		t := get(toks.Elem(m), keyT)
		s, ok := termOf[ast.String](t)
		if t != nil && !ok {
			return false, errUnanswered
		}
		if strings.ContainsAny(string(s), "万亿") {
			return true, nil
		}
	}
	return false, nil
}

// crowdEnd is max(crowd_ends(num.field, unit, last)): ok false where it has none.
func (u *unsourcedListing) crowdEnd(num *ast.Term, unit ast.String, last int) (int, bool, error) {
	if unit == "人" {
		return last, true, nil
	}
	end, ok := 0, false
	for _, r := range terms(valueOf(get(u.runs, keyCrowdWords))) {
		i, okI := intAt(r, keyI)
		n, okN := intAt(r, keyN)
		if !okI || !okN {
			return 0, false, errUnanswered
		}
		if fieldsMatch(r, num) && i > last && i <= last+2 && (!ok || i+n-1 > end) {
			end, ok = i+n-1, true
		}
	}
	return end, ok, nil
}

// hitOf is figure_hit over tokens first..last.
func (u *unsourcedListing) hitOf(field *ast.Term, first, last int, s, e *ast.Term) (*ast.Term, error) {
	return u.figureHit(field, first, (last-first)+1, s, e)
}

// addHitOf adds hitOf's hit (if any) to out.
func (u *unsourcedListing) addHitOf(out ast.Set, field *ast.Term, first, last int, s, e *ast.Term) error {
	hit, err := u.hitOf(field, first, last, s, e)
	if hit != nil {
		out.Add(hit)
	}
	return err
}

// rateCandidates are rate_claims, from xiaoer.rate_claims.
func (u *unsourcedListing) rateCandidates(out ast.Set) error {
	claims, err := u.called(rateClaims, u.found, u.fields, u.figureTerm, clauseBoundaries, u.figureEntry, u.labEntry)
	if err != nil {
		return err
	}
	for _, c := range terms(claims.Value) {
		out.Add(c)
	}
	return nil
}

// countCandidates are counts: xiaoer.count_claims outside other_family.
func (u *unsourcedListing) countCandidates(out ast.Set) error {
	claims, err := u.called(countClaims, u.found, u.fields, u.figureTerm, clauseBoundaries, get(u.table, keyCountUnits), u.figureEntry)
	if err != nil {
		return err
	}
	for _, c := range terms(claims.Value) {
		other, err := u.own.answer(ctxOtherFamily, c)
		if err != nil {
			return err
		}
		if !other {
			out.Add(c)
		}
	}
	return nil
}
