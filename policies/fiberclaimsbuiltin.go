package policies

import (
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_claims(claims, tables) is material-fiber's claims
// (rules/material_fiber/material_fiber.rego, which keeps the Rego as the
// fallback): the fibre claims whose fibre tables.fiber_claims knows, less
// those the data exempts by the characters around them (仿真丝, 纯棉感):
// the side itself, or its character next to the claim, is a key of
// tables.claim_exempt_before (before) or tables.claim_exempt_after
// (after). In Rego that was five lookups, four of them negated, and two
// cuts per claim: a seventh of judging a title that reaches the rule.
//
// It answers only for an array of claims whose fiber, before and after
// are strings of valid UTF-8 (the cuts read code points), and for tables
// whose three entries are objects; it is undefined otherwise, so the Rego
// meets anything else (and errs where it erred) as it always did. A key
// counts as the Rego's lookup does: present, with any value but false.
var fiberClaimsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_claims",
	Description: "The fibre claims material-fiber judges: those of a known fibre, less those the data exempts (see rules/material_fiber/material_fiber.rego).",
	Decl: types.NewFunction(
		types.Args(types.Named("claims", types.A), types.Named("tables", types.A)),
		types.Named("claims", types.NewArray(nil, types.A)),
	),
}

var (
	keyFiberClaims  = key("fiber_claims")
	keyExemptBefore = key("claim_exempt_before")
	keyExemptAfter  = key("claim_exempt_after")
)

func fiberClaims(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	claims, ok := operands[0].Value.(*ast.Array)
	tables, ok2 := operands[1].Value.(ast.Object)
	if !ok || !ok2 {
		return nil
	}
	known, ok := objectEntry(tables, keyFiberClaims)
	before, ok2 := objectEntry(tables, keyExemptBefore)
	after, ok3 := objectEntry(tables, keyExemptAfter)
	if !ok || !ok2 || !ok3 {
		return nil
	}
	kept := make([]*ast.Term, 0, claims.Len())
	for i := range claims.Len() {
		c := claims.Elem(i)
		obj, ok := c.Value.(ast.Object)
		if !ok {
			return nil
		}
		fiber, b, a := utf8String(obj.Get(keyFiber)), utf8String(obj.Get(keyBefore)), utf8String(obj.Get(keyAfter))
		if fiber == nil || b == nil || a == nil {
			return nil
		}
		last, _ := utf8.DecodeLastRuneInString(*b)
		first, _ := utf8.DecodeRuneInString(*a)
		if !tableHolds(known, *fiber) || tableHolds(before, *b) || tableHolds(before, runeText(last, *b)) ||
			tableHolds(after, *a) || tableHolds(after, runeText(first, *a)) {
			continue
		}
		kept = append(kept, c)
	}
	return iter(ast.ArrayTerm(kept...))
}

// objectEntry is obj's entry at key when that is an object.
func objectEntry(obj ast.Object, key *ast.Term) (ast.Object, bool) {
	t := obj.Get(key)
	if t == nil {
		return nil, false
	}
	o, ok := t.Value.(ast.Object)
	return o, ok
}

// utf8String is t's text when t is a string of valid UTF-8, else nil.
func utf8String(t *ast.Term) *string {
	if t == nil {
		return nil
	}
	s, ok := t.Value.(ast.String)
	if !ok || !utf8.ValidString(string(s)) {
		return nil
	}
	str := string(s)
	return &str
}

// runeText is the text of r, a character of s, or "" when s is empty (as
// substring cuts an empty side).
func runeText(r rune, s string) string {
	if s == "" {
		return ""
	}
	return string(r)
}

// tableHolds is whether table[key] succeeds in Rego: defined and not false.
func tableHolds(table ast.Object, key string) bool {
	return truthy(table.Get(ast.InternedTerm(key)))
}
