package policies

import (
	"regexp"

	"github.com/open-policy-agent/opa/v1/ast"
)

// comparedWith are the words before a comparison's base, and modelCode a
// model code of the product's own (own_model_baseline in rules/
// ad_unsourced_claim/ad_unsourced_claim.rego).
var (
	comparedWith = map[ast.String]bool{"比": true, "较": true, "相比": true, "比起": true, "对比": true}
	modelCode    = regexp.MustCompile(`^[a-z]{0,4}[0-9]+[a-z0-9]*$`)
)

// ownModelBaseline is own_model_baseline(h): a comparison word at most
// four tokens before the hit, followed by a model code, in its clause.
func (u *unsourcedListing) ownModelBaseline(h, allow *ast.Term) (bool, error) {
	i, ok := intAt(h, keyI)
	toks := u.tokens(get(h, keyField))
	if !ok {
		return false, errUnanswered
	}
	if !truthy(allow) || toks == nil {
		return false, nil
	}
	for k := max(i-4, 0); k <= i && k+1 < toks.Len(); k++ {
		word, okW := termOf[ast.String](get(toks.Elem(k), keyT))
		code, okC := termOf[ast.String](get(toks.Elem(k+1), keyT))
		if !okW || !okC {
			return false, errUnanswered
		}
		if comparedWith[word] && modelCode.MatchString(string(code)) && !clauseBetween(toks, k, i-1) {
			return true, nil
		}
	}
	return false, nil
}
