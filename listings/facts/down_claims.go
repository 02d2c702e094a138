package facts

// downClaimsIn finds the down claims in one field's text.
func downClaimsIn(field string, t *scanText) []DownClaim {
	var out []DownClaim
	for i := 0; i < t.len(); {
		if r := t.at(i); !isDigitRune(r) && r != '百' && !downLexicon.starts(r) {
			i++
			continue
		}
		if c, end, ok := downClaimAt(t, i); ok {
			s, e := t.span(i, end)
			c.Field, c.S, c.E, c.Text = field, s, e, t.orig(i, end)
			c.Before, c.After = t.norm(i-2, i), t.norm(end, end+2)
			c.Labelled = c.Labelled || downLabelBefore(t, i)
			out = append(out, c)
			i = end
			continue
		}
		if _, end, ok := downLexicon.match(t, i); ok {
			i = end // step over whole words: 天鹅绒 holds no 鹅绒
			continue
		}
		i++
	}
	return out
}

// downClaimAt reads one claim starting at i; end is where it stops.
func downClaimAt(t *scanText, i int) (DownClaim, int, bool) {
	if c, end, ok := shareThenDown(t, i); ok {
		return c, end, true
	}
	w, end, ok := downLexicon.match(t, i)
	if !ok {
		return DownClaim{}, i, false
	}
	switch w.kind {
	case "content_label":
		if f, ok := percentAt(t, t.skip(end, " :为是")); ok {
			return DownClaim{Kind: DownContent, Percent: f.value, AtLeast: f.atLeast, Labelled: true}, f.end, true
		}
	case "fill_label":
		if g, gend, ok := gramsAt(t, t.skip(end, " :为是")); ok {
			return DownClaim{Kind: DownFill, Grams: g, Labelled: true}, gend, true
		}
	case DownSpecies:
		return speciesClaim(t, w, end)
	case DownGarment:
		return DownClaim{Kind: DownGarment, Species: w.species, Name: w.name}, end, true
	case DownFilling:
		return DownClaim{Kind: DownFilling, Name: w.name}, end, true
	}
	return DownClaim{}, i, false
}

// shareThenDown reads a share written before the down word: 90%白鸭绒,
// 90白鸭绒, 95% 鹅绒, 90%含绒量.
func shareThenDown(t *scanText, i int) (DownClaim, int, bool) {
	var c DownClaim
	var end int
	percent := false
	if f, ok := percentAt(t, i); ok {
		c.Percent, c.AtLeast, end, percent = f.value, f.atLeast, f.end, true
	} else if v, e, ok := numberAt(t, i); ok && v >= 10 && v <= 100 && !isLatinLower(t.at(i-1)) {
		c.Percent, end = v, e // 90白鸭绒: the figure is a share only when the down word follows
	} else {
		return c, i, false
	}
	w, wend, ok := downLexicon.match(t, t.skip(end, " "))
	if !ok {
		return c, i, false
	}
	c.Kind = DownContent
	switch {
	case w.kind == DownSpecies:
		c.Species, c.Colour = w.species, w.colour
	case w.kind == "content_label" && percent:
		c.Labelled = true
	default:
		return c, i, false
	}
	return c, wend, true
}

// speciesClaim reads a down word and a share after it (白鸭绒90%,
// 鸭绒含量90%); without a share it claims the species and colour only.
func speciesClaim(t *scanText, w downWord, end int) (DownClaim, int, bool) {
	j := t.skip(end, " :")
	if lw, lend, ok := downLexicon.match(t, j); ok && lw.kind == "content_label" {
		j = t.skip(lend, " :为是")
	} else if t.hasAt(j, "含量") {
		j = t.skip(j+2, " :为是")
	}
	if f, ok := percentAt(t, j); ok {
		return DownClaim{Kind: DownContent, Percent: f.value, AtLeast: f.atLeast, Species: w.species, Colour: w.colour}, f.end, true
	}
	if w.species == "" {
		return DownClaim{}, end, false
	}
	return DownClaim{Kind: DownSpecies, Species: w.species, Colour: w.colour}, end, true
}

// downLabelBefore reports a spec label just before i (填充物：90%白鸭绒).
func downLabelBefore(t *scanText, i int) bool {
	j := t.skipBack(i, " :为是")
	for n := 2; n <= 4; n++ {
		if w, end, ok := downLexicon.match(t, j-n); ok && end == j && (w.kind == "filling_label" || w.kind == "content_label") {
			return true
		}
	}
	return false
}
