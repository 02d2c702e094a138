package facts

// FiberClaim is a pure-fibre claim in the copy: 纯棉, 全棉, 100%棉, 棉100%,
// 纯羊毛, 100%山羊绒, 真丝, 桑蚕丝, 纯亚麻. Words that only look like one (纯色,
// 棉麻, 仿真丝, 冰丝, 人造棉, 羽绒棉, 棉服) are not claims. Before and After
// hold the two characters around the claim (normalised) so policies can
// exempt contexts such as 仿 or 感 from data.
type FiberClaim struct {
	Fiber  string `json:"fiber"`  // the claimed fibre's threshold key: 棉, 羊毛, 山羊绒, 蚕丝, 桑蚕丝, 麻, 亚麻, 苎麻
	Form   string `json:"form"`   // 纯 | 全 | 100% | 名称 (真丝, 桑蚕丝 on their own)
	Text   string `json:"text"`   // the claim as written
	Part   string `json:"part"`   // "" (the whole item) or the part it names (纯棉里布 → 里料)
	Before string `json:"before"` // up to two characters before the claim, normalised
	After  string `json:"after"`  // up to two characters after it, normalised
	Field  string `json:"field"`
	S      int    `json:"s"`
	E      int    `json:"e"`
}

// FiberClaims finds the fibre claims in the copy fields, outside the
// compositions written there (面料: 100%纯棉 is a statement, not a claim).
func FiberClaims(fields map[string]Field) []FiberClaim {
	var out []FiberClaim
	for _, name := range copyFields {
		if f, ok := fields[name]; ok {
			out = append(out, claimsIn(name, f.Text)...)
		}
	}
	return out
}

// statementSpans are the byte ranges the copy statements sts (in order)
// cover, in order.
func statementSpans(sts []compStatement) []Span {
	var out []Span
	for _, st := range sts {
		sp := Span{S: st.fibres[0].S, E: st.fibres[0].E}
		for _, f := range st.fibres[1:] {
			sp.S, sp.E = min(sp.S, f.S), max(sp.E, f.E)
		}
		out = append(out, sp)
	}
	return out
}

func claimsIn(field, text string) []FiberClaim {
	t := newScanText(text)
	return claimsOutside(field, t, statementSpans(copyStatements(t)))
}

// claimsOutside are the claims of t outside the spans covered.
func claimsOutside(field string, t *scanText, covered []Span) []FiberClaim {
	var out []FiberClaim
	k := 0 // the first covered span that does not end before i
	for i := 0; i < t.len(); {
		off := int(t.offs[i])
		for k < len(covered) && covered[k].E <= off {
			k++
		}
		if k < len(covered) && covered[k].S <= off {
			i++
			continue
		}
		if !mayStartClaim(t.at(i)) {
			i++
			continue
		}
		if c, end, ok := claimAt(t, i); ok {
			c.Field = field
			out = append(out, c)
			i = end
			continue
		}
		if _, end, ok := fibreAt(t, i); ok {
			i = end // step over whole words: 人造棉 holds no 棉 claim
			continue
		}
		i++
	}
	return out
}

// mayStartClaim is a cheap test that lets claimsIn skip most characters.
func mayStartClaim(r rune) bool {
	return isDigitRune(r) || r == '百' || r == '纯' || r == '全' || fibreLexicon.starts(r)
}

// claimAt reads a claim starting at i: 100%[纯]X, 纯X / 全X (纯全棉 too),
// X100%, or a word that is a claim by itself (真丝).
func claimAt(t *scanText, i int) (FiberClaim, int, bool) {
	if f, ok := percentAt(t, i); ok && f.value == 100 && !f.atLeast {
		j := t.skip(f.end, " ")
		for t.at(j) == '纯' || t.at(j) == '全' {
			j++
		}
		if w, end, ok := fibreAt(t, j); ok && w.claim != "" && !w.blend() {
			return newClaim(t, w.claim, "100%", i, end), end, true
		}
		return FiberClaim{}, i, false
	}
	if t.at(i) == '纯' || t.at(i) == '全' {
		j := i + 1
		if t.at(j) == '纯' || t.at(j) == '全' {
			j++
		}
		if w, end, ok := fibreAt(t, j); ok && w.claim != "" && !w.blend() {
			return newClaim(t, w.claim, string(t.at(i)), i, end), end, true
		}
		return FiberClaim{}, i, false
	}
	w, end, ok := fibreAt(t, i)
	if !ok || w.claim == "" || w.blend() {
		return FiberClaim{}, i, false
	}
	if f, ok := percentAt(t, t.skip(end, " :")); ok && f.value == 100 && !f.atLeast {
		return newClaim(t, w.claim, "100%", i, f.end), f.end, true
	}
	if w.named {
		return newClaim(t, w.claim, "名称", i, end), end, true
	}
	return FiberClaim{}, i, false
}

func newClaim(t *scanText, fibre, form string, a, b int) FiberClaim {
	s, e := t.span(a, b)
	return FiberClaim{
		Fiber: fibre, Form: form, Text: t.orig(a, b), Part: claimPart(t, a, b),
		Before: t.norm(a-2, a), After: t.norm(b, b+2), S: s, E: e,
	}
}

// claimPart is the part a claim is about when a part word stands right
// after it (纯棉里布) or right before it (里料纯棉), or the filling of a
// quilt or pillow (桑蚕丝被, 纯棉被芯, but not 纯棉被套); "" otherwise.
func claimPart(t *scanText, a, b int) string {
	j := t.skip(b, " ")
	if p, _, ok := partLexicon.match(t, j); ok && p != PartMain {
		return p
	}
	if t.hasAt(j, "被芯") || t.hasAt(j, "枕芯") || (t.at(j) == '被' && !containsRune("套罩单面", t.at(j+1))) {
		return PartFilling
	}
	k := t.skipBack(a, " :")
	for n := 4; n >= 2; n-- {
		if p, end, ok := partLexicon.match(t, k-n); ok && end == k && p != PartMain {
			return p
		}
	}
	return ""
}
