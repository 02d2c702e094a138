package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// FiberFacts are Composition(l, fields) and FiberClaims(fields) read
// together: both read each copy field's statements (copyStatements, the
// costliest part of either: items, clusters, statements), the claims to
// leave them out, and here the statements are read once for both.
func FiberFacts(l *listings.Listing, fields map[string]Field) ([]Fiber, []FiberClaim) {
	texts := copyScanTexts(fields)
	return fiberFacts(l, &texts)
}

// copyTexts are the copy fields' scan texts, in the order of copyFields
// (nil for a field the listing has not): Build reads each for the fibres
// and again for the down, and scans it once for both.
type copyTexts [len(copyFields)]*scanText

// copyScanTexts reads the copy fields. The texts are allocated together,
// and their runes and offsets in one buffer: a listing's four fields were
// eight allocations.
func copyScanTexts(fields map[string]Field) copyTexts {
	var out copyTexts
	var src [len(copyFields)]string
	var has [len(copyFields)]bool
	var counts [len(copyFields)]int
	size := 0
	for k, name := range copyFields {
		if f, ok := fields[name]; ok {
			src[k], has[k], counts[k] = f.Text, true, scanTextRunes(f.Text)
			size += 2*counts[k] + 1
		}
	}
	texts := new([len(copyFields)]scanText)
	buf := make([]int32, size)
	for k := range src {
		if has[k] {
			out[k] = &texts[k]
			buf = texts[k].read(src[k], counts[k], buf)
		}
	}
	return out
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
		sts := c.copyStatements(t)
		c.statements(name, sts)
		claims = append(claims, claimsOutside(name, t, statementSpans(sts))...)
	}
	return c.out, claims
}
