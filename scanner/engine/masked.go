package engine

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// maskedBrands finds brand names written with some of their characters
// masked, the way sellers of fakes dodge a platform's brand filter: 香*儿,
// 迪 奥, g*cci, l/v. The brands are data (data.tables.counterfeit.masked_brands,
// keys in normalised form); the rule judges the hits (input.listing.lexicon.masked).
// A brand written whole is no hit: that is the brand, not a mask.
type maskedBrands struct {
	byFirst   map[rune][][]rune // brands by their first character
	all       [][]rune          // every brand, for a mask in first place (*奈儿)
	byInitial map[rune][][]rune // Chinese brands by their first character's initials (p: 普拉达)
	// byShown are the brands of all, in its order, by the character after
	// a leading mask of k characters (k and brand[k]): the only ones that
	// can match behind it when that character is written plainly (see
	// leadingCandidates).
	byShown map[shownAt][][]rune
	// byLater are the brands of all, in its order, by a character they
	// hold (or a digit written for one, leet) at or after rune k: behind
	// a leading mask and a space, a brand can match only if the first
	// character the run leaves shown is one of its later ones (afterSpace).
	byLater map[shownAt][][]rune
	// first marks the first characters of byFirst in the Basic
	// Multilingual Plane: most characters of a text start no brand, and a
	// bit test is cheaper than the map.
	first *facts.RuneKeys
	// byPair are the brands of byFirst, in its order, by their first two
	// characters: behind a first character a text shows plainly, a brand
	// can match only if its second is shown too (firstCandidates).
	byPair map[[2]rune][][]rune
	// byInitialPair are the brands of byInitial, in its order, by the
	// initial and their second character: behind an initial a text shows
	// plainly, a brand can match only if its second is shown
	// (initialCandidates).
	byInitialPair map[[2]rune][][]rune
	// starts marks the characters matchAt tries anything at: the first
	// characters of byFirst, the masks but the space (a leading mask) and
	// the lowercase letters (an initial). scan skips the others without a
	// call: most characters of a title are none of them.
	starts *facts.RuneKeys
	// texts holds the rune buffers each reads a field's text into, one
	// per goroutine at a time: the gate asks each of every field of every
	// judged listing, and a buffer made for each field was most of what
	// it allocated.
	texts *sync.Pool
	// seen keeps in's answer for fields that repeat (maskedmemo.go; nil:
	// every field read for the listing alone).
	seen *maskedMemo
}

// shownAt is a character shown at rune k of a brand.
type shownAt struct {
	k int
	r rune
}

func newMaskedBrands(data map[string]any) maskedBrands {
	mb := maskedBrands{byFirst: map[rune][][]rune{}, byInitial: map[rune][][]rune{}, byShown: map[shownAt][][]rune{},
		byLater: map[shownAt][][]rune{}, first: &facts.RuneKeys{}, starts: &facts.RuneKeys{}, texts: &sync.Pool{},
		seen: newMaskedMemo()}
	tables, _ := data["tables"].(map[string]any)
	table, _ := tables["counterfeit"].(map[string]any)
	brands, _ := table["masked_brands"].(map[string]any)
	for name := range brands {
		rs := []rune(name)
		if len(rs) >= 2 {
			mb.byFirst[rs[0]] = append(mb.byFirst[rs[0]], rs)
			mb.all = append(mb.all, rs)
		}
		if len(rs) >= 3 && !isLatin(rs[0]) {
			for _, c := range facts.Initials(rs[0]) {
				mb.byInitial[c] = append(mb.byInitial[c], rs)
			}
		}
	}
	for _, list := range mb.byInitial {
		sortLongestFirst(list)
	}
	// Longer brands first, so 阿*达斯 is 阿迪达斯, not 阿迪 with a tail.
	for _, list := range mb.byFirst {
		sortLongestFirst(list)
	}
	sortLongestFirst(mb.all)
	for _, brand := range mb.all {
		mb.first.Add(brand[0])
	}
	mb.indexStarts()
	mb.indexShown()
	mb.indexLater()
	mb.byPair = map[[2]rune][][]rune{}
	for _, list := range mb.byFirst {
		for _, brand := range list {
			pair := [2]rune{brand[0], brand[1]}
			mb.byPair[pair] = append(mb.byPair[pair], brand)
		}
	}
	mb.byInitialPair = map[[2]rune][][]rune{}
	for c, list := range mb.byInitial {
		for _, brand := range list {
			pair := [2]rune{c, brand[1]}
			mb.byInitialPair[pair] = append(mb.byInitialPair[pair], brand)
		}
	}
	return mb
}

// indexStarts fills starts: every character at which matchAt does more
// than return nothing.
func (mb maskedBrands) indexStarts() {
	*mb.starts = *mb.first
	for r := rune(0); r <= 0xFFFF; r++ {
		if isLower(r) || r != ' ' && isMaskRune(r) {
			mb.starts.Add(r)
		}
	}
}

// indexShown fills byShown: for each k and each character a text may
// show behind k masks (a brand's own at k, a space, an x, a digit), the
// brands of all, in its order, whose matchFrom does not stop at once on
// it (followsMask).
func (mb maskedBrands) indexShown() {
	shown := map[shownAt]bool{}
	for _, brand := range mb.all {
		for k := 1; k < len(brand); k++ {
			shown[shownAt{k, brand[k]}] = true
			for _, r := range " x0123456789" {
				shown[shownAt{k, r}] = true
			}
		}
	}
	for at := range shown {
		for _, brand := range mb.all {
			if followsMask(brand, at) {
				mb.byShown[at] = append(mb.byShown[at], brand)
			}
		}
	}
}

// indexLater fills byLater: for each k, each brand of all under every
// character it holds at k or after, and every digit leet writes for one.
func (mb maskedBrands) indexLater() {
	for _, brand := range mb.all {
		for k := 1; k < len(brand); k++ {
			held := map[rune]bool{}
			for _, r := range brand[k:] {
				held[r] = true
				for _, d := range "0123456789" {
					if leet(d, r, brand) {
						held[d] = true
					}
				}
			}
			for r := range held {
				at := shownAt{k, r}
				mb.byLater[at] = append(mb.byLater[at], brand)
			}
		}
	}
}

// followsMask: matchFrom, at brand[at.k] against a shown character at.r,
// reads on (the character is the brand's, a digit it is written with, or
// masks it) rather than failing.
func followsMask(brand []rune, at shownAt) bool {
	return at.k < len(brand) && (brand[at.k] == at.r || leet(at.r, brand[at.k], brand) || masks(at.r, brand))
}

// sortLongestFirst orders brands by length, longest first, then by name
// (the map they come from has no order).
func sortLongestFirst(list [][]rune) {
	sort.Slice(list, func(a, b int) bool {
		if len(list[a]) != len(list[b]) {
			return len(list[a]) > len(list[b])
		}
		return string(list[a]) < string(list[b])
	})
}

// isMaskRune: r stands for hidden characters or splits a name apart. A
// switch, not a map: it is asked of nearly every character of every text.
func isMaskRune(r rune) bool {
	switch r {
	case '*', '×', '/', '·', '•', '・', '.', '-', '_', '#', '?', '？', '○', '□', '■', '●',
		'★', '☆', '✖', '~', '、', ' ':
		return true
	}
	return false
}

// find lists the masked brands of one field as lexicon runs
// {field, i, n, s, e, key, brand, written}: s and e are byte offsets into
// the text, written counts the characters shown.
func (mb maskedBrands) find(name string, f facts.Field) []*ast.Term {
	var out []*ast.Term
	mb.each(f, func(s, e int, key, brand string) bool {
		out = append(out, maskedTerm(name, f.Tokens, s, e, key, brand))
		return true
	})
	return out
}

// in reports whether some field of the listing writes a brand masked (the
// gate's fact "masked": without one, input.listing.lexicon.masked is empty).
func (mb maskedBrands) in(fields map[string]facts.Field) bool {
	for name, f := range fields {
		var found bool
		if mb.seen != nil && name != facts.FieldTitle && len(f.Tokens) <= fieldMaxTokens {
			found = mb.seen.holds(&mb, f) // maskedmemo.go
		} else {
			found = mb.holdsIn(f)
		}
		if found {
			return true
		}
	}
	return false
}

// each calls hit with every masked brand of the field (byte offsets, the
// text as written normalised, the brand) until hit returns false.
func (mb maskedBrands) each(f facts.Field, hit func(s, e int, key, brand string) bool) {
	if len(mb.byFirst) == 0 || len(f.Tokens) == 0 {
		return
	}
	// Normalisation is rune for rune: rune p of norm is rune p of the
	// text, whose byte offset at gives.
	buf := mb.runeBuffer()
	defer mb.keepRuneBuffer(buf)
	*buf = facts.AppendNormalRunes((*buf)[:0], f.Text)
	norm := *buf
	// The byte offsets of the runes are made when a brand first matches:
	// most texts have none, and the offsets cost eight bytes a rune.
	var offsets []int
	at := func(p int) int {
		if offsets == nil {
			offsets = runeOffsets(f.Text)
		}
		return offsets[p]
	}
	mb.scan(norm, func(p, to int) bool {
		return onTokenEdges(f.Tokens, at(p), at(to))
	}, func(p, to int, brand []rune) bool {
		return hit(at(p), at(to), string(norm[p:to]), string(brand))
	})
}

// runeBuffer is a buffer of texts, empty or kept from an earlier field.
// hit is given strings of its own, so nothing of the buffer outlives each.
func (mb maskedBrands) runeBuffer() *[]rune {
	if buf, ok := mb.texts.Get().(*[]rune); ok {
		return buf
	}
	return new([]rune)
}

// keptRunes is the longest buffer given back: a page's long field
// would otherwise stay in the pool, most of it unused, until a collection.
const keptRunes = 1 << 14

// keepRuneBuffer gives buf back to the pool, unless it is longer than
// keptRunes.
func (mb maskedBrands) keepRuneBuffer(buf *[]rune) {
	if cap(*buf) <= keptRunes {
		mb.texts.Put(buf)
	}
}

// mayHold reports whether a normalised text may hold a masked brand: each
// would find one only where this finds one whatever the tokens (the
// prefilter asks before the text has tokens). It reads norm's runes into
// tt, which the caller keeps for the next text (the gate asks of every
// title).
func (mb maskedBrands) mayHold(norm string, tt *trieText) bool {
	if len(mb.byFirst) == 0 {
		return false
	}
	tt.read(norm)
	return mb.holds(tt.runes)
}

// holds reports whether the runes of a normalised text may hold a masked
// brand (see mayHold).
func (mb maskedBrands) holds(rs []rune) bool {
	if len(mb.byFirst) == 0 {
		return false
	}
	found := false
	mb.scan(rs, func(int, int) bool { return true }, func(int, int, []rune) bool {
		found = true
		return false
	})
	return found
}

// scan calls hit with the rune range [p, to) of every masked brand in norm
// whose ends edges accepts, until hit returns false.
func (mb maskedBrands) scan(norm []rune, edges func(p, to int) bool, hit func(p, to int, brand []rune) bool) {
	for p := 0; p < len(norm); p++ {
		if mb.starts != nil && !mb.starts.MayHave(norm[p]) || insideLatinWord(norm, p) {
			continue // matchAt would find nothing
		}
		to, brand, ok := mb.matchAt(norm, p, edges)
		if !ok {
			continue
		}
		if !hit(p, to, brand) {
			return
		}
		p = to - 1
	}
}

// insideLatinWord: the character at rune p of text and the one before it
// are Latin. No brand starts there (matchAt): a mask run starts with no
// Latin character, a brand behind its initial starts after none, and a
// brand written from its first character, Latin then, needs whole-word
// edges (matchFrom). Most characters scan tries are the letters of the
// Latin words in titles (xl, iphone, 2024).
func insideLatinWord(text []rune, p int) bool {
	return p > 0 && isASCIIAlnum(text[p]) && isASCIIAlnum(text[p-1])
}

// isASCIIAlnum is isLatin without the Unicode tables (an ASCII letter or
// digit is one to unicode.IsLetter or unicode.IsDigit, and no other ASCII
// character is), small enough to inline in scan.
func isASCIIAlnum(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9' }

// matchAt is the first masked brand starting at rune p whose ends edges
// accepts: written from its first character (香*儿), behind a leading mask
// (*奈儿), or from its first character's initial (P拉达).
func (mb maskedBrands) matchAt(norm []rune, p int, edges func(p, to int) bool) (int, []rune, bool) {
	try := func(match func([]rune, int, []rune) (int, bool), brands [][]rune) (int, []rune, bool) {
		for _, brand := range brands {
			if to, ok := match(norm, p, brand); ok && edges(p, to) {
				return to, brand, true
			}
		}
		return 0, nil, false
	}
	if isMaskRune(norm[p]) && norm[p] != ' ' && (p == 0 || !isMaskRune(norm[p-1])) {
		return try(matchLeading, mb.leadingCandidates(norm, p))
	}
	if mb.first.MayHave(norm[p]) {
		if to, brand, ok := try(matchMasked, mb.firstCandidates(norm, p)); ok {
			return to, brand, ok
		}
	}
	if isLower(norm[p]) && (p == 0 || !isLatin(norm[p-1])) {
		return try(matchInitial, mb.initialCandidates(norm, p))
	}
	return 0, nil, false
}

// firstCandidates are the brands of byFirst, in its order, that
// matchMasked can match from rune p of text: behind the first character
// it reads the one at p+1 against a brand's second, and stops at once
// unless that one is the brand's, masks it (a mask, an x) or is a digit
// written for a letter (leet). Where the character at p+1 is none of
// those kinds, only the brands with it second can match (byPair), and
// none at the end of the text. Titles are full of characters that start
// some brand; few go on as one.
func (mb maskedBrands) firstCandidates(text []rune, p int) [][]rune {
	if p+1 >= len(text) {
		return nil
	}
	c := text[p+1]
	if mb.byPair == nil || isMaskRune(c) || c == 'x' || c >= '0' && c <= '9' {
		return mb.byFirst[text[p]]
	}
	return mb.byPair[[2]rune{text[p], c}]
}

// initialCandidates are the brands of byInitial, in its order, that
// matchInitial can match behind the initial at rune p of text: as behind
// a first character (firstCandidates), matchFrom reads the one at p+1
// against a brand's second and stops at once unless that one is the
// brand's or masks it (a mask, an x; no digit stands for a character of a
// Chinese brand). Most initials tried are the first letters of Latin
// words (iphone, xl), which no Chinese brand goes on with.
func (mb maskedBrands) initialCandidates(text []rune, p int) [][]rune {
	if p+1 >= len(text) {
		return nil
	}
	c := text[p+1]
	if mb.byInitialPair == nil || isMaskRune(c) || c == 'x' {
		return mb.byInitial[text[p]]
	}
	return mb.byInitialPair[[2]rune{text[p], c}]
}

// leadingCandidates are the brands of all, in its order, that can match
// behind the leading mask at rune p of text (matchLeading): behind its
// run of k masks matchFrom starts at brand[k] against the character shown
// at q = p+k, which is no mask but a space, and stops at once unless
// followsMask, so only byShown{k, text[q]} can match (none where the run
// ends the text). The mask runs of many titles (2024-, s/m, 1.5) are tried
// against a few brands instead of all of them.
func (mb maskedBrands) leadingCandidates(text []rune, p int) [][]rune {
	q := p
	for q < len(text) && text[q] != ' ' && isMaskRune(text[q]) {
		q++
	}
	if q == len(text) {
		return nil
	}
	if text[q] == ' ' && mb.byLater != nil {
		return mb.afterSpace(text, q-p, q)
	}
	return mb.byShown[shownAt{q - p, text[q]}]
}

// afterSpace are the candidates behind a run of k masks followed by a
// space at rune q. matchFrom reads the space, and every mask after it
// (an x too, in a Chinese brand), as one run, then wants the first
// character left shown to be the brand's at k or at k plus the masks
// hidden, or a digit written for it: only brands that hold it at k or
// after can match (byLater). Where an x stands first, the brands read it
// differently (a letter of a Latin brand, a mask in a Chinese one), and
// all of them are tried.
func (mb maskedBrands) afterSpace(text []rune, k, q int) [][]rune {
	for q < len(text) && isMaskRune(text[q]) {
		q++
	}
	switch {
	case q == len(text):
		return nil // nothing shown after the run: no brand is written
	case text[q] == 'x':
		return mb.byShown[shownAt{k, ' '}]
	}
	return mb.byLater[shownAt{k, text[q]}]
}

// matchMasked matches brand at rune p of text with at least one mask: a run
// of mask runes either stands for as many characters of the brand (spaces
// stand for none) or splits two of them. At least two characters of the
// brand, and half of them, must be written (a two-character Chinese brand
// may show one, see oneWrittenMask); a Latin brand needs a mask other than
// a space and whole-word edges.
func matchMasked(text []rune, p int, brand []rune) (int, bool) {
	return matchFrom(text, p, brand, maskState{j: 1, q: p + 1, written: 1, spaceOnly: true})
}

// matchLeading matches brand at rune p of text whose first characters are
// hidden by a run of masks (*奈儿, **仕): the run stands for as many
// characters, and the rest follows as in matchMasked.
func matchLeading(text []rune, p int, brand []rune) (int, bool) {
	k := 0
	for p+k < len(text) && text[p+k] != ' ' && isMaskRune(text[p+k]) {
		k++
	}
	if k == 0 || k >= len(brand) {
		return 0, false
	}
	return matchFrom(text, p, brand, maskState{j: k, q: p + k, masked: true})
}

// matchInitial matches a Chinese brand at rune p of text whose first
// character is written as its pinyin initial (P拉达, P 拉达 for 普拉达): the
// letter is the mask, and the rest follows as in matchMasked, so at least
// two of the brand's characters and half of them must be written.
func matchInitial(text []rune, p int, brand []rune) (int, bool) {
	return matchFrom(text, p, brand, maskState{j: 1, q: p + 1, masked: true})
}

func isLower(r rune) bool { return r >= 'a' && r <= 'z' }

// maskState is how far a brand is matched: brand[:j] against text[p:q].
type maskState struct {
	j, q, written     int
	masked, spaceOnly bool
}

func matchFrom(text []rune, p int, brand []rune, st maskState) (int, bool) {
	j, q, written, masked, spaceOnly := st.j, st.q, st.written, st.masked, st.spaceOnly
	for j < len(brand) {
		if q >= len(text) {
			return 0, false
		}
		if text[q] == brand[j] {
			j, q, written = j+1, q+1, written+1
			continue
		}
		if leet(text[q], brand[j], brand) {
			j, q, masked, spaceOnly = j+1, q+1, true, false // gucc1, d1or
			continue
		}
		if !masks(text[q], brand) {
			return 0, false
		}
		hidden := 0
		for q < len(text) && masks(text[q], brand) {
			if text[q] != ' ' {
				hidden++
				spaceOnly = false
			}
			q++
		}
		masked = true
		if q < len(text) && text[q] == brand[j] {
			continue // the run splits the name (迪 奥, l/v)
		}
		if hidden == 0 || j+hidden > len(brand) {
			return 0, false
		}
		j += hidden // the run hides characters (香*儿)
	}
	for q > p && text[q-1] == ' ' {
		q-- // a run hiding the last characters (爱马* 丝巾) ends before its spaces
	}
	if !masked || written*2 < len(brand) || written < 2 && !oneWrittenMask(text, p, q, brand) {
		return 0, false
	}
	if isLatin(brand[0]) && (spaceOnly || p > 0 && isLatin(text[p-1]) || q < len(text) && isLatin(text[q])) {
		return 0, false
	}
	return q, true
}

// oneWrittenMask: a two-character Chinese brand with its last character
// masked (蔻*, 迪*) is a mask only when the mask stands right after the
// first character and hides exactly the one that is missing.
func oneWrittenMask(text []rune, p, q int, brand []rune) bool {
	return len(brand) == 2 && !isLatin(brand[0]) && text[p] == brand[0] && q == p+2 && text[p+1] != ' '
}

// masks reports whether r masks a character of brand: a mask rune, or the
// letter x inside a Chinese brand (香x儿, 爱马x), as sellers write it.
func masks(r rune, brand []rune) bool {
	return isMaskRune(r) || r == 'x' && !isLatin(brand[0])
}

// leet reports whether digit r stands for letter want inside a Latin brand
// of four or more letters (gucc1, d1or, r0lex, pr4da): 1 for i or l, 0 for o,
// 3 for e, 4 for a, 5 for s, 7 for t, 8 for b.
func leet(r, want rune, brand []rune) bool {
	if len(brand) < 4 || !isLatin(brand[0]) {
		return false
	}
	return strings.ContainsRune(leetLetters(r), want)
}

// leetLetters are the letters a digit is written for in dodged brand names.
func leetLetters(r rune) string {
	switch r {
	case '0':
		return "o"
	case '1':
		return "il"
	case '3':
		return "e"
	case '4':
		return "a"
	case '5':
		return "s"
	case '7':
		return "t"
	case '8':
		return "b"
	}
	return ""
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// onTokenEdges: the hit starts and ends where tokens do, so a brand's
// character glued into another word (布迪 奥特曼) is no part of a brand.
func onTokenEdges(toks []facts.Token, s, e int) bool {
	starts, ends := false, false
	for _, t := range toks {
		if t.S < s && t.E > s || t.S < e && t.E > e {
			return false
		}
		starts = starts || t.S == s
		ends = ends || t.E == e
	}
	return starts && ends
}

var (
	keyBrand   = policies.KeyTerm("brand")
	keyWritten = policies.KeyTerm("written")
)

func maskedTerm(field string, toks []facts.Token, s, e int, key, brand string) *ast.Term {
	i, n := -1, 0
	for k, t := range toks {
		if t.S >= s && t.E <= e {
			if i < 0 {
				i = k
			}
			n++
		}
	}
	return ast.ObjectTerm(
		ast.Item(keyField, ast.StringTerm(field)),
		ast.Item(keyI, ast.InternedTerm(i)),
		ast.Item(keyN, ast.InternedTerm(n)),
		ast.Item(keyS, ast.InternedTerm(s)),
		ast.Item(keyE, ast.InternedTerm(e)),
		ast.Item(keyKey, ast.StringTerm(key)),
		ast.Item(keyBrand, ast.StringTerm(brand)),
		ast.Item(keyWritten, ast.InternedTerm(written(key))),
	)
}

// written counts the characters of a masked brand that are shown (蔻* shows
// one): the rule wants goods beside a brand of which one is shown.
func written(key string) int {
	n := 0
	for _, r := range key {
		if !isMaskRune(r) && r != 'x' {
			n++
		}
	}
	return n
}

// runeOffsets are the byte offsets of every rune of s, and len(s).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
