package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// FiberFacts are Composition(l, fields) and FiberClaims(fields) read
// together: both read each copy field's statements (copyStatements, the
// costliest part of either: items, clusters, statements), the claims to
// leave them out, and here the statements are read once for both.
func FiberFacts(l *listings.Listing, fields map[string]Field) ([]Fiber, []FiberClaim) {
	return fiberFacts(l, copyScanTexts(fields))
}

// copyTexts are the copy fields' scan texts, in the order of copyFields
// (nil for a field the listing has not): Build reads each for the fibres
// and again for the down, and scans it once for both.
type copyTexts [len(copyFields)]*scanText

func copyScanTexts(fields map[string]Field) *copyTexts {
	var out copyTexts
	for k, name := range copyFields {
		if f, ok := fields[name]; ok {
			out[k] = newScanText(f.Text)
		}
	}
	return &out
}

func fiberFacts(l *listings.Listing, texts *copyTexts) ([]Fiber, []FiberClaim) {
	var c compositionBuilder
	c.attributes(l.Attributes)
	var claims []FiberClaim
	for k, name := range copyFields {
		t := texts[k]
		if t == nil {
			continue
		}
		sts := copyStatements(t)
		c.statements(name, sts)
		claims = append(claims, claimsOutside(name, t, statementSpans(sts))...)
	}
	return c.out, claims
}
