package engine

import (
	"cmp"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// maxLexiconRun is the longest run of tokens a lexicon key can span
// (max_run in policies/lib/lexicon.rego).
const maxLexiconRun = 4

// lexiconKeys maps every key of every object data.tables.<table>.<name>
// of the compiled bundle (user data included) to the lexicons holding it:
// the lexicons the library's found(table, name) looks words up in, and
// some objects no rule reads as a lexicon (harmless: nothing looks their
// runs up). It says which token runs are words of which table, a fact
// about the text; which category or exemption applies stays a judgment of
// the policies. Context words (deeper in the tables) are listed apart, by
// contextKeys.
func lexiconKeys(data map[string]any, bits tableBits) map[string][]lexiconName {
	keys := map[string][]lexiconName{}
	tables, _ := data["tables"].(map[string]any)
	for table, t := range tables {
		lexicons, _ := t.(map[string]any)
		for lexicon, l := range lexicons {
			words, _ := l.(map[string]any)
			for word := range words {
				keys[word] = append(keys[word], lexiconName{table, lexicon, bits[table]})
			}
		}
	}
	return keys
}

// lexiconName names the lexicon data.tables.<table>.<lexicon>; bit is
// the table's (tableBits).
type lexiconName struct {
	table, lexicon string
	bit            uint64
}

// contextKeys is every word of the allow- and partner-contexts of the
// tables (data.tables.<table>.contexts.<name>.before, .after, .sentence
// and .title): the words the lexicon library looks for around a hit.
func contextKeys(data map[string]any) map[string]bool {
	keys := map[string]bool{}
	for _, c := range tableContexts(data) {
		for _, word := range contextListWords(c.spec) {
			keys[word] = true
		}
	}
	return keys
}

// contextTables maps every context word (contextKeys) to the tables
// whose contexts list it, as a mask of bits.
func contextTables(data map[string]any, bits tableBits) map[string]uint64 {
	keys := map[string]uint64{}
	for _, c := range tableContexts(data) {
		for _, word := range contextListWords(c.spec) {
			keys[word] |= bits[c.table]
		}
	}
	return keys
}

// contextListWords are the words of a context's before, after, sentence
// and title lists.
func contextListWords(spec map[string]any) []string {
	var out []string
	for _, where := range []string{"before", "after", "sentence", "title"} {
		words, _ := spec[where].(map[string]any)
		for word := range words {
			out = append(out, word)
		}
	}
	return out
}

// tableContext is one context of a table: data.tables.<table>.contexts.<name>.
type tableContext struct {
	table, name string
	spec        map[string]any
}

// tableContexts lists every context of every table in the policy data.
func tableContexts(data map[string]any) []tableContext {
	var out []tableContext
	tables, _ := data["tables"].(map[string]any)
	for table, t := range tables {
		tab, _ := t.(map[string]any)
		contexts, _ := tab["contexts"].(map[string]any)
		for name, c := range contexts {
			spec, _ := c.(map[string]any)
			out = append(out, tableContext{table: table, name: name, spec: spec})
		}
	}
	return out
}

// lexiconWords are the two key sets lexiconFacts looks token runs up in,
// the brands it looks for written masked, and the dodged spellings of the
// tables' words the tokens are cut after folding.
type lexiconWords struct {
	words   map[string][]lexiconName // lexiconKeys
	context map[string]bool          // contextKeys
	// contextOf is contextTables: a run is a context run of the
	// listing only for the tables it keeps (tablereads.go).
	contextOf map[string]uint64
	bits      tableBits
	masked    maskedBrands
	dodges    *facts.Dodges
	starts    patternStarts
	uses      contextUses      // nil: no held (contextheld.go)
	library   []libraryContext // the contexts held always has (libraryContexts)
	// prefixRunes are the characters that are keys of some table's
	// prefixes (最), asked before the map for every token's first
	// character (nil: the map answers alone).
	prefixRunes *facts.RuneKeys
	// stems end the runs looked up early (runstems.go; nil: every run is
	// looked up). The gate walks its own words in a trie (tokentrie.go).
	stems runStems
	// runs answer fieldFinds' questions of a run in one look-up
	// (runkeys.go; nil: words, contextOf and stems answer).
	runs runKeys
	// keys are the terms of the keys of words and context, shared by
	// every listing's input (keyterms.go). Nil: every term is made for
	// the listing alone, held's lists too (heldLists), as in the plain
	// input the tests compare with.
	keys sharedKeys
	// finds keeps the finds of fields that repeat (findsmemo.go; nil:
	// every field looked up for the listing alone).
	finds *findsMemo
	// held keeps the values of held's lists that repeat (heldmemo.go;
	// nil: made for the listing alone).
	held *heldMemo
}

func newLexiconWords(data map[string]any) lexiconWords {
	bits := newTableBits(data)
	words, context, contextOf := lexiconKeys(data, bits), contextKeys(data), contextTables(data, bits)
	stems := newRunStems(words, context)
	return lexiconWords{words: words, context: context, contextOf: contextOf, bits: bits, masked: newMaskedBrands(data),
		dodges: facts.NewDodges(dodgeWords(data)), starts: newPatternStarts(data), uses: newContextUses(data, bits),
		library: libraryContexts(data, bits), stems: stems, runs: newRunKeys(words, contextOf, stems),
		keys: newSharedKeys(words, context), prefixRunes: prefixRunes(words), finds: newFindsMemo(), held: newHeldMemo()}
}

// prefixRunes are the characters that are keys of some table's prefixes.
func prefixRunes(words map[string][]lexiconName) *facts.RuneKeys {
	rs := &facts.RuneKeys{}
	for k, lexicons := range words {
		if r, size := utf8.DecodeRuneInString(k); size == len(k) && isPrefix(lexicons, allTables) {
			rs.Add(r)
		}
	}
	return rs
}

// dodgeWords are the words whose dodged spellings fold back (facts.Dodges):
// the keys of the objects two and three levels under data.tables, which
// hold every lexicon and every table a rule's needs name
// (ad_absolute.words, ad_absolute.guarantees.words), user data included.
// Keys without a Chinese character or a letter o have no dodge and cost
// nothing.
func dodgeWords(data map[string]any) []string {
	seen := map[string]bool{}
	tables, _ := data["tables"].(map[string]any)
	for _, t := range tables {
		lexicons, _ := t.(map[string]any)
		for _, l := range lexicons {
			words, _ := l.(map[string]any)
			for word, sub := range words {
				seen[word] = true
				deeper, _ := sub.(map[string]any)
				for w := range deeper {
					seen[w] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out) // the same dodges on every start
	return out
}

// lexiconFacts is input.listing.lexicon:
//   - found: {table: {lexicon: [{field, i, n, key}]}}, the runs of 1 to
//     maxLexiconRun tokens whose normalised forms concatenate to a key of
//     data.tables.<table>.<lexicon>; runs of pattern_heads also carry
//     patterns, the ids of the patterns they can start and the listing
//     can complete (patternStarts);
//   - prefixed: [{field, i}], the tokens whose first character is a key
//     of some data.tables.<table>.prefixes (最): the only tokens
//     lib/lexicon.rego's prefix_hits can use;
//   - context: {field: [{i, runs: [{n, key}]}]}, the runs that are context
//     words, grouped by their first token (fields with none left out);
//   - masked: [{field, i, n, s, e, key, brand, written}], brands written with masked
//     characters (香*儿, 迪 奥; see maskedBrands);
//   - held: where each context of the tables holds around a hit
//     (contextheld.go), left out when the data or the document does not
//     allow it;
//   - skip: the rule packages the gate skips (see gate.go), left out when
//     it skips none (skipped: its term, skippedTerm; nil when none).
//
// The lexicon library walks these instead of every token of every field,
// so a rule's cost follows its own hits, not the length of the text.
// found, context, prefixed and held keep only the facts of the tables
// in mask tables, and masked is empty unless the mask has maskedPart
// (tableReads: what the rules judging the listing can read).
func lexiconFacts(fields map[string]facts.Field, lw lexiconWords, skipped *ast.Term, tables uint64) *ast.Term {
	var nameRoom [fieldsFirst]string // a listing has a few fields
	names := nameRoom[:0]
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names) // a stable document for the same listing
	lf := &lexiconFound{words: lw, fields: fields, tables: tables}
	if lw.uses != nil && heldKnown(fields) {
		// Sized for most listings at once, in lf's own allocation: grown
		// by append, at and fields cost a judged listing six allocations,
		// and made apart, three.
		lf.heldRoom = heldIn{share: lw.keys != nil, memo: lw.held, tables: tables,
			fields: lf.fieldRoom[:0], at: lf.atRoom[:0]}
		lf.held = &lf.heldRoom
	}
	for _, name := range names {
		lf.field(name, fields[name]) // fieldfinds.go
	}
	return lf.value(skipped)
}

// fieldsFirst is the room a listing's field names start with: more
// than the fields of most listings.
const fieldsFirst = 8

// heldAtFirst is the room held's positions start with: enough for most
// judged listings (an export row has a few dozen).
const heldAtFirst = 32

// mayBePrefix: character r may be a key of some table's prefixes.
func (lw lexiconWords) mayBePrefix(r rune) bool {
	return lw.prefixRunes == nil || lw.prefixRunes.MayHave(r)
}

// maskedKept: mask tables keeps input.listing.lexicon.masked (always,
// for lexiconWords without bits), and the bit it asks of tables
// (fieldFinds.used).
func (lw lexiconWords) maskedKept(tables uint64) (keeps bool, bit uint64) {
	bit, ok := lw.bits[maskedPart]
	return !ok || bit&tables != 0, bit
}

// lexiconFound collects lexiconFacts field by field.
type lexiconFound struct {
	words  lexiconWords
	fields map[string]facts.Field
	// found are the runs found, in the order found: grouped by lexicon
	// only when the listing is done (foundTerm), which costs less than
	// a map of lexicons filled run by run.
	found    []lexiconRun
	prefixed []*ast.Term
	context  [][2]*ast.Term // {field: starts}, the fields in name order
	masked   []*ast.Term
	// heads are the runs of pattern_heads, built last (patternStarts);
	// wordsAt are the pattern words found, of every table, with their
	// classes: a listing has a few, and a slice asked of them all cost
	// less than the maps by table it replaced (issue 13: five
	// allocations or more per judged listing with a pattern word).
	heads   []headRun
	wordsAt []wordAt
	// held is where the contexts hold (contextheld.go; nil: not given):
	// heldRoom, its positions and fields starting in atRoom and fieldRoom.
	held      *heldIn
	heldRoom  heldIn
	atRoom    [heldAtFirst]heldAt
	fieldRoom [fieldsFirst]*ast.Term
	// tables are the tables whose facts are kept (tableBits).
	tables uint64
	// slab hands out the terms of the listing's index (termslab.go).
	slab termSlab
	// scratch holds the finds of a field not kept, one field at a time.
	scratch fieldFinds
}

// runAt is a run of tokens that is a key: n tokens from token i of field
// name. Its terms, the field's name and the key, are made once per field
// and once per engine (sharedKeys), not once per run.
type runAt struct {
	field              string
	fieldTerm, keyTerm *ast.Term
	i, n               int
	key                string // keyTerm's string
}

// add records a run found.
func (lf *lexiconFound) add(a foundRun) {
	lex, r := a.lex, a.run
	pt := lf.words.starts[lex.table]
	switch {
	case a.term == nil: // a pattern head (fieldFinds.found)
		lf.heads = append(lf.heads, headRun{lex: lex, at: len(lf.found), run: r})
		lf.found = append(lf.found, lexiconRun{lex: lex})
		return
	case pt != nil && lex.lexicon == patternWords:
		lf.wordsAt = append(lf.wordsAt, wordAt{table: lex.table, field: r.field, i: r.i, classes: pt.classes[r.key]})
	}
	lf.found = append(lf.found, lexiconRun{lex: lex, term: a.term})
}

// lexiconRun is the term of a run found in lexicon lex (nil for a
// pattern head until headTerms makes it).
type lexiconRun struct {
	lex  lexiconName
	term *ast.Term
}

func (lf *lexiconFound) value(skipped *ast.Term) *ast.Term {
	// Objects are built bottom-up, each with all its items at once: an
	// object's hash is fixed when it goes into its parent, and an item
	// inserted later costs allocations of its own.
	lf.words.starts.headTerms(lf)
	// Room for all six items on the stack: NewObject copies them, and
	// appended past four they were an allocation per judged listing.
	var room [6][2]*ast.Term
	items := append(room[:0],
		ast.Item(keyFound, lf.foundTerm()),
		ast.Item(keyPrefixed, lf.arrayOf(lf.prefixed)),
		ast.Item(keyContext, lf.objectOf(lf.context)),
		ast.Item(keyMasked, lf.arrayOf(lf.masked)),
	)
	if lf.held != nil {
		items = append(items, ast.Item(keyHeld, lf.held.term(lf.words.library, &lf.slab)))
	}
	if skipped != nil {
		items = append(items, ast.Item(keySkip, skipped))
	}
	return lf.slab.object(items...)
}

// foundTerm is found: {table: {lexicon: [run]}}, each lexicon's runs
// in the order found.
func (lf *lexiconFound) foundTerm() *ast.Term {
	slices.SortStableFunc(lf.found, func(x, y lexiconRun) int {
		return cmp.Or(cmp.Compare(x.lex.table, y.lex.table), cmp.Compare(x.lex.lexicon, y.lex.lexicon))
	})
	terms := make([]*ast.Term, len(lf.found))
	for k, r := range lf.found {
		terms[k] = r.term
	}
	var tableRoom, lexiconRoom [itemRoom][2]*ast.Term
	tables, lexicons := tableRoom[:0], lexiconRoom[:0]
	start := 0
	for k, r := range lf.found {
		more := k+1 < len(lf.found)
		if more && lf.found[k+1].lex == r.lex {
			continue
		}
		// The lexicons' arrays share terms, each capped at its own end:
		// appending to one (Array.Append) copies it.
		lexicons = append(lexicons, ast.Item(nameTerm(r.lex.lexicon), lf.slab.array(terms[start:k+1:k+1]...)))
		start = k + 1
		if more && lf.found[k+1].lex.table == r.lex.table {
			continue
		}
		tables = append(tables, ast.Item(nameTerm(r.lex.table), lf.slab.object(lexicons...)))
		lexicons = lexicons[:0] // NewObject copies the items
	}
	return lf.objectOf(tables)
}

// itemRoom is the room, on the stack, of the item lists an object of
// the lexicon facts is made from: NewObject copies the items, so a list
// need not outlive its object, and grown from nil past two items (the
// room Go gives an append on the stack) each list was an allocation or
// more per judged listing (issue 13). Longer lists still grow.
const itemRoom = 16

// arrayOf is the array of terms, the shared empty one if there are none.
func (lf *lexiconFound) arrayOf(terms []*ast.Term) *ast.Term {
	if len(terms) == 0 {
		return ast.InternedEmptyArray
	}
	return lf.slab.array(terms...)
}

// objectOf is the object of items, the shared empty one if there are
// none.
func (lf *lexiconFound) objectOf(items [][2]*ast.Term) *ast.Term {
	if len(items) == 0 {
		return emptyEntry
	}
	return lf.slab.object(items...)
}

var (
	keyPrefixed = policies.KeyTerm("prefixed")
	keyMasked   = policies.KeyTerm("masked")
	keyHeld     = policies.KeyTerm("held")
	keySkip     = policies.KeyTerm("skip")
	keyField    = policies.KeyTerm("field")
	keyI        = policies.KeyTerm("i")
	keyN        = policies.KeyTerm("n")
	keyKey      = policies.KeyTerm("key")
	keyRuns     = policies.KeyTerm("runs")
)

// isPrefix reports whether a key's lexicons include the prefixes of
// some table of mask tables (data.tables.<table>.prefixes).
func isPrefix(lexicons []lexiconName, tables uint64) bool {
	return prefixBits(lexicons)&tables != 0
}
