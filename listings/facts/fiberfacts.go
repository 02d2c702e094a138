package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// FiberFacts are Composition(l, fields) and FiberClaims(fields) read
// together: both read each copy field's statements (copyStatements, the
// costliest part of either: items, clusters, statements), the claims to
// leave them out, and here the statements are read once for both.
func FiberFacts(l *listings.Listing, fields map[string]Field) ([]Fiber, []FiberClaim) {
	var c compositionBuilder
	c.attributes(l.Attributes)
	var claims []FiberClaim
	for _, name := range copyFields {
		f, ok := fields[name]
		if !ok {
			continue
		}
		t := newScanText(f.Text)
		sts := copyStatements(t)
		c.statements(name, sts)
		claims = append(claims, claimsOutside(name, t, statementSpans(sts))...)
	}
	return c.out, claims
}
