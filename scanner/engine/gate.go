package engine

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Needs is one way a rule can find something, as a rule package declares
// it (`needs` beside `meta`: one such object, or an array of them, any of
// which will do). Every kind it names must be in the listing, and of a
// kind any one entry will do. Words and Prefixes name tables by their
// path under data.tables ("ad_absolute.words"); a table is there when a
// run of 1 to 4 tokens of some field is one of its keys (Words), or when
// some token starts with one of its keys (Prefixes). Facts name facts of
// the listing that must not be empty (see factLists; percents are the
// numbers whose unit is %, statements_differ two composition statements
// that give other shares, promise_pair two promises or more, down_pair
// two down claims or more, down_content a down claim of a share: facts a
// rule's findings need beyond the list being there, so it is skipped
// where they are not). Promises name the promise kinds
// (input.listing.promises[_].kind) one of which must be there, each
// with the values that keep a promise of it from counting (PromiseNeed);
// Against, beside them, names the kinds of which another promise must be
// there too, saying something else than the first (a conflict is two
// promises that differ: promiseneeds.go). Units
// name tables whose keys are units (ad_education_guarantee.score_units):
// some figure of the listing must have one of them
// (input.listing.numbers[_].unit). Two more narrow what the
// alternative's words (not its pattern heads) count for: AfterFigure,
// when above 0, counts them only where one starts on the last token of a
// figure of its field or at most that many tokens after it (10万+|宝宝,
// 3亿|人: figurenear.go); Partnered, declared by a rule whose every hit of
// those words passes its partner context (lib/wordrule.rego), counts a
// word whose entry names a partner context only where a word of that
// context is in the listing (partnergate.go); BeforeFigure counts the
// words whose entry has its Entries attributes (kind: metric) only where
// a figure or a digit starts on one of its Within tokens after the word
// (已售|5000件, 好评率|高达|99%: figurebefore.go). FigureUnits, beside
// AfterFigure, counts those words only after a figure with one of its
// units (the keys of its Tables, and its Units as written; "" a figure
// with no unit); FigureMin, beside AfterFigure, only after a figure of at
// least that value (input.listing.numbers[_].value: a rule that counts
// only big head counts, 10万|宝妈, not 2-6|人). UnreportedNames, declared by a rule that never reports a
// hit whose entry is marked name (a product or work name holding a word
// of the list, 王者荣耀, 转运珠: it wins the overlap and is dropped, see
// lib/wordrule.rego), counts no such word: the words inside it count on
// their own where they are runs of the tokens. ProductKinds, declared by
// a rule that drops every hit of a word whose entry has its Marked
// attribute (only: the kinds of product it is a claim on) on a listing
// it judges no such kind, and judges kinds only from runs of its Words
// tables and from the category, counts such a word only where a word of
// those tables is in the listing or it has a category (增高 on 内增高
// shoes: productkinds.go). Allowed, declared by a rule that never reports
// a hit of those words at which one of its entry's allow contexts holds
// (lib/lexicon.rego's in_context: 至尊 in 酷冷至尊, 万能 in 万能车充, 减肥
// in 减肥秤), counts a word whose entry lists allow contexts only where
// none of them can be shown to hold at the run, from the held the
// document will have (allowgate.go). PrefixHits, declared by a rule
// that reads its Prefixes only through lib/lexicon.rego's prefix_hits,
// counts a token that starts with a prefix only where prefix_hits may
// take it (no word of the table, none of the prefix's not_claims; with
// Allowed, where the prefix entry's allow contexts do not hold:
// prefixgate.go). A rule that declares no needs is always evaluated.
//
// A table's pattern_heads (see lib/pattern.rego) counts as found only
// where one of the patterns its word starts can complete (patterngate.go).
type Needs struct {
	Words    []string      `json:"words"`
	Prefixes []string      `json:"prefixes"`
	Facts    []string      `json:"facts"`
	Promises []PromiseNeed `json:"promises"`
	Against  []PromiseNeed `json:"against"`
	Units    []string      `json:"units"`
	// AfterFigure, Partnered and BeforeFigure: see above (0, false,
	// nil: anywhere).
	AfterFigure  int           `json:"after_figure"`
	Partnered    bool          `json:"partnered"`
	BeforeFigure *BeforeFigure `json:"before_figure"`
	FigureUnits  *FigureUnits  `json:"figure_units"`
	// FigureMin: see above (nil: a figure of any value).
	FigureMin *float64 `json:"figure_min"`
	// UnreportedNames: see above (false: names count as words).
	UnreportedNames bool `json:"unreported_names"`
	// ProductKinds: see above (nil: every entry counts as a word).
	ProductKinds *ProductKinds `json:"product_kinds"`
	// Allowed: see above (false: a word counts wherever it is).
	Allowed bool `json:"allowed"`
	// PrefixHits: see above (false: every token a prefix starts counts).
	PrefixHits bool `json:"prefix_hits"`
}

// gate decides, per listing, which rule packages can find something:
// the others are skipped (input.listing.lexicon.skip), and when every
// listing rule is skipped the policies are not evaluated at all.
type gate struct {
	rules []string      // packages that declare needs
	alts  []alternative // their needs, each a way to find something
	// words are what each word of the tables counts for (gatemarks.go):
	// table words, pattern heads, words with a partner context, words
	// after figures, partner-context words.
	words    map[string]*gateWord
	prefixes map[string][]int // table key (a prefix) → alternatives
	// hitPrefixes are the prefixes of alternatives with prefix_hits
	// (prefixgate.go), by key.
	hitPrefixes map[string][]prefixNeed
	// prefixStarts marks the keys of prefixes of one character: a token
	// is looked up by its first, and few tokens start with one.
	prefixStarts facts.RuneKeys
	starts       patternStarts
	contexts     map[string]int // partner contexts, "table/context" → index (partnergate.go)
	// categoryContexts are the contexts a listing's category holds: the
	// product-kind contexts (productkinds.go).
	categoryContexts []int
	// open: some listing rule declares no needs, so the policies are
	// evaluated for every listing.
	open bool
	// promiseMatchers are the matchers some alternative's promises need
	// (alternative.promiseMatchers, together).
	promiseMatchers facts.PromiseMatchers
	// masked finds brands written masked, for the fact "masked".
	masked maskedBrands
	// pre skips, from the text alone, the listings no rule can be given.
	pre prefilter
	// dodges fold the text as the tokens are cut (Engine.Dodges).
	dodges *facts.Dodges
	// tokenWords are the words as markWords walks them across the tokens
	// (tokentrie.go).
	tokenWords tokenTrie
	// works keep what unjudged fills, between listings (gatework.go);
	// marks keep skip's (pooledMarks).
	works, marks *sync.Pool
	// allow reads where the allow contexts hold (allowgate.go).
	allow allowContexts
	// fieldMarks keeps markWords' calls for fields that repeat
	// (gatememo.go; nil: every field walked for the listing alone).
	fieldMarks *fieldMarks
}

// alternative is one Needs of one rule, indexed.
type alternative struct {
	rule            int
	words, prefixes bool                  // needs a word or a prefix of its tables
	facts           []factNeed            // Needs.Facts, resolved (factNeedOf)
	promises        []PromiseNeed         // Needs.Promises; nil: none asked for
	against         []PromiseNeed         // Needs.Against
	promiseMatchers facts.PromiseMatchers // the matchers that can give the promises (facts.PromiseMatchersOf)
	units           map[string]bool       // nil: any figure or none will do
	afterFigure     int                   // Needs.AfterFigure
	partnered       bool                  // Needs.Partnered
	beforeFigure    *BeforeFigure         // Needs.BeforeFigure
	figureUnits     map[string]bool       // Needs.FigureUnits; nil: a figure of any unit
	figureMin       *float64              // Needs.FigureMin; nil: a figure of any value
	unreportedNames bool                  // Needs.UnreportedNames
	productKinds    string                // Needs.ProductKinds.Marked; "": none
	kindContext     int                   // the context of Needs.ProductKinds.Words (productkinds.go)
	allowed         bool                  // Needs.Allowed
	prefixHits      bool                  // Needs.PrefixHits
}

// factLists are the listing facts a rule may need, and whether the
// listing has them. One more fact is the engine's own: "masked", a brand
// written masked (input.listing.lexicon.masked, see maskedBrands).
var factLists = map[string]func(*facts.ListingFacts) bool{
	"composition":       func(l *facts.ListingFacts) bool { return len(l.Composition) > 0 },
	"statement_pair":    hasStatementPair,
	"statements_differ": hasDifferingStatements,
	"fiber_claims":      func(l *facts.ListingFacts) bool { return len(l.FiberClaims) > 0 },
	"down_claims":       func(l *facts.ListingFacts) bool { return len(l.DownClaims) > 0 },
	"down_pair":         func(l *facts.ListingFacts) bool { return len(l.DownClaims) > 1 },
	"down_content":      hasDownContent,
	"numbers":           func(l *facts.ListingFacts) bool { return len(l.Numbers) > 0 },
	"percents":          hasPercent,
	"promises":          func(l *facts.ListingFacts) bool { return len(l.Promises) > 0 },
	"promise_pair":      func(l *facts.ListingFacts) bool { return len(l.Promises) > 1 },
	"attributes":        func(l *facts.ListingFacts) bool { return len(l.Attributes) > 0 },
	"down":              func(l *facts.ListingFacts) bool { return l.Down != nil },
}

// listingFactNames are the facts a listing rule may need, for an error:
// factLists' and factMasked, sorted.
func listingFactNames() string {
	names := append(slices.Collect(maps.Keys(factLists)), factMasked)
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// hasStatementPair: the composition holds two statements or more (two
// that may disagree).
func hasStatementPair(l *facts.ListingFacts) bool {
	for _, f := range l.Composition {
		if f.Statement != l.Composition[0].Statement {
			return true
		}
	}
	return false
}

// hasDownContent: some down claim of the copy states a share (kind
// content: 90%白鸭绒, 含绒量90%).
func hasDownContent(l *facts.ListingFacts) bool {
	for _, c := range l.DownClaims {
		if c.Kind == "content" {
			return true
		}
	}
	return false
}

// hasPercent: some figure of the listing is a percentage.
func hasPercent(l *facts.ListingFacts) bool {
	for _, n := range l.Numbers {
		if n.Unit == "%" {
			return true
		}
	}
	return false
}

// newGate indexes every listing rule's needs (data.xiaoer.main.needs:
// null, an object or an array, by rule package) and the words of the
// tables they name.
func newGate(declared map[string]json.RawMessage, data map[string]any, lw lexiconWords) (*gate, error) {
	g := &gate{words: map[string]*gateWord{}, prefixes: map[string][]int{}, hitPrefixes: map[string][]prefixNeed{}, contexts: map[string]int{},
		starts: lw.starts, masked: lw.masked, dodges: lw.dodges, works: &sync.Pool{}, marks: &sync.Pool{}, fieldMarks: newFieldMarks(),
		allow: allowContexts{uses: lw.uses, contextOf: lw.contextOf, bits: lw.bits, stems: lw.stems}}
	ids := make([]string, 0, len(declared))
	for id := range declared {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := g.add(id, declared[id], data); err != nil {
			return nil, fmt.Errorf("rule package %s: needs: %w", id, err)
		}
	}
	g.pre = newPrefilter(g)
	g.tokenWords = newTokenTrie(g.words)
	return g, nil
}

// add reads one rule's needs: null, one object, or an array of objects.
func (g *gate) add(id string, raw json.RawMessage, data map[string]any) error {
	var alts []Needs
	if err := json.Unmarshal(raw, &alts); err != nil {
		var one *Needs
		if err := json.Unmarshal(raw, &one); err != nil {
			return fmt.Errorf("want an object or an array of objects: %w", err)
		}
		if one != nil {
			alts = []Needs{*one}
		}
	}
	if len(alts) == 0 {
		g.open = true
		return nil
	}
	rule := len(g.rules)
	g.rules = append(g.rules, id)
	for _, n := range alts {
		if err := g.addAlternative(rule, n, data); err != nil {
			return err
		}
	}
	return nil
}

func (g *gate) addAlternative(rule int, n Needs, data map[string]any) error {
	if len(n.Words)+len(n.Prefixes)+len(n.Facts)+len(n.Promises)+len(n.Units) == 0 {
		return fmt.Errorf("an empty object needs nothing: leave needs out instead")
	}
	a := len(g.alts)
	if n.AfterFigure < 0 || n.AfterFigure > 0 && len(n.Words) == 0 {
		return fmt.Errorf("after_figure %d: want a count of tokens above 0, beside words", n.AfterFigure)
	}
	if n.Partnered && len(n.Words) == 0 {
		return fmt.Errorf("partnered: want words beside it")
	}
	if n.UnreportedNames && len(n.Words) == 0 {
		return fmt.Errorf("unreported_names: want words beside it")
	}
	if n.Allowed && (len(n.Words) == 0 && !n.PrefixHits || n.AfterFigure > 0 || n.BeforeFigure != nil) {
		return fmt.Errorf("allowed: want words or prefix_hits beside it, without after_figure and before_figure")
	}
	if err := checkPrefixHits(n); err != nil {
		return err
	}
	if err := checkPromises(n); err != nil {
		return err
	}
	if err := checkBeforeFigure(n); err != nil {
		return err
	}
	if err := checkProductKinds(n); err != nil {
		return err
	}
	figureUnits, err := figureUnitsOf(data, n)
	if err != nil {
		return err
	}
	if n.FigureMin != nil && n.AfterFigure <= 0 {
		return fmt.Errorf("figure_min: want it beside after_figure")
	}
	alt := alternative{rule: rule, words: len(n.Words) > 0, prefixes: len(n.Prefixes) > 0,
		afterFigure: n.AfterFigure, partnered: n.Partnered, beforeFigure: n.BeforeFigure, figureUnits: figureUnits,
		figureMin: n.FigureMin, unreportedNames: n.UnreportedNames, allowed: n.Allowed, prefixHits: n.PrefixHits}
	for _, f := range n.Facts {
		if factLists[f] == nil && f != factMasked {
			return fmt.Errorf("unknown fact %q (want one of %s)", f, listingFactNames())
		}
		alt.facts = append(alt.facts, factNeedOf(f))
	}
	if len(n.Promises) > 0 {
		alt.promises, alt.against = n.Promises, n.Against
		alt.promiseMatchers = facts.PromiseMatchersOf(promiseKinds(n.Promises))
		g.promiseMatchers |= alt.promiseMatchers
	}
	if len(n.Units) > 0 {
		alt.units = map[string]bool{}
		if err := addTableKeys(data, n.Units, alt.units); err != nil {
			return err
		}
	}
	if n.ProductKinds != nil {
		if alt.kindContext, err = g.kindContext(data, n.ProductKinds.Words); err != nil {
			return err
		}
		alt.productKinds = n.ProductKinds.Marked
	}
	g.alts = append(g.alts, alt)
	for _, path := range n.Words {
		if err := g.index(data, path, a, true); err != nil {
			return err
		}
	}
	for _, path := range n.Prefixes {
		if err := g.index(data, path, a, false); err != nil {
			return err
		}
	}
	return nil
}

// addTableKeys adds the keys of the tables at paths to set.
func addTableKeys(data map[string]any, paths []string, set map[string]bool) error {
	for _, path := range paths {
		keys, err := tableKeys(data, path)
		if err != nil {
			return err
		}
		for k := range keys {
			set[k] = true
		}
	}
	return nil
}

// index adds the keys of table path to the words (or prefixes) of
// alternative a: the words of a table's pattern_heads as heads, counted
// where a pattern can complete (patterngate.go), whatever else the
// alternative says; the words of an alternative with after_figure as
// words after figures (figurenear.go); the others as words, or, for a
// partnered alternative, as partners where their entry names a context
// (partnergate.go), or, for one with before_figure, as words before
// figures where their entry has its attributes (figurebefore.go), or,
// for an allowed one, as allowed words where their entry has allow
// contexts the gate decides (allowgate.go).
func (g *gate) index(data map[string]any, path string, a int, words bool) error {
	keys, err := tableKeys(data, path)
	if err != nil {
		return err
	}
	table, lexicon, _ := strings.Cut(path, ".")
	switch {
	case !words && g.alts[a].prefixHits:
		g.indexPrefixHits(data, table, keys, a)
	case !words:
		for k := range keys {
			g.prefixes[k] = append(g.prefixes[k], a)
			if r, size := utf8.DecodeRuneInString(k); size == len(k) {
				g.prefixStarts.Add(r)
			}
		}
	case lexicon == patternHeads && g.starts[table] != nil:
		for k := range keys {
			g.word(k).heads = append(g.word(k).heads, pendingHead{alt: a, pt: g.starts[table], later: g.starts[table].laterOf(k)})
		}
	case g.alts[a].afterFigure > 0:
		for k := range keys {
			g.word(k).near = append(g.word(k).near, a)
		}
	default:
		for k, entry := range keys {
			g.indexWord(data, table, k, entry, a)
		}
	}
	return nil
}

// indexWord adds word k (its entry in table) to alternative a, unless
// it is a name the alternative's rule does not report.
func (g *gate) indexWord(data map[string]any, table, k string, entry any, a int) {
	if e, _ := entry.(map[string]any); g.alts[a].unreportedNames && e["name"] == true {
		return
	}
	if g.productKinds(a, entry) {
		g.word(k).partners = append(g.word(k).partners, partnerNeed{alt: a, ctx: g.alts[a].kindContext})
		return
	}
	if g.beforeFigure(a, entry) {
		g.word(k).before = append(g.word(k).before, a)
		return
	}
	if ctx := partnerContext(data, table, entry); g.alts[a].partnered && ctx != "" {
		g.word(k).partners = append(g.word(k).partners, partnerNeed{alt: a, ctx: g.contextID(data, table, ctx)})
		return
	}
	if need := g.allowedNeed(data, table, entry, a); need != nil {
		g.word(k).allowed = append(g.word(k).allowed, need)
		return
	}
	g.word(k).alts = append(g.word(k).alts, a)
}

// tableKeys is the object at data.tables.<path> (path dotted).
func tableKeys(data map[string]any, path string) (map[string]any, error) {
	v := any(data["tables"])
	for _, part := range strings.Split(path, ".") {
		obj, _ := v.(map[string]any)
		if v = obj[part]; v == nil {
			return nil, fmt.Errorf("no table data.tables.%s", path)
		}
	}
	keys, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("data.tables.%s is not an object of words", path)
	}
	return keys, nil
}

// skip lists the gated packages that cannot find anything in this
// listing, and reports whether every listing rule is skipped. m are the
// marks of its tokens where unjudged read them (nil: read here).
func (g *gate) skip(l *facts.ListingFacts, m *marks) ([]string, bool) {
	if len(g.rules) == 0 {
		return nil, false
	}
	if m == nil {
		m = g.markTokensIn(g.pooledMarks(), l.Fields, func() []facts.Number { return l.Numbers }, l.Category)
		defer g.marks.Put(m) // nothing below keeps them
	}
	needed := make([]bool, len(g.rules))
	for a, alt := range g.alts {
		if (!alt.words || m.words[a]) && (!alt.prefixes || m.prefixes[a]) && g.hasFact(l, alt.facts) && alt.hasPromise(l.Promises) && hasUnit(l.Numbers, alt.units) {
			needed[alt.rule] = true
		}
	}
	return skippedRules(g.rules, needed), !g.open && !slices.Contains(needed, true)
}

// skippedRules are the rules not needed, in one allocation (nil: none).
// Grown by append, the list of an export row was three.
func skippedRules(rules []string, needed []bool) []string {
	n := 0
	for _, ok := range needed {
		if !ok {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	skip := make([]string, 0, n)
	for i, ok := range needed {
		if !ok {
			skip = append(skip, rules[i])
		}
	}
	return skip
}

// factMasked is the fact of a brand written masked.
const factMasked = "masked"

// hasFact: one of the facts is there (or none is asked for).
func (g *gate) hasFact(l *facts.ListingFacts, needs []factNeed) bool {
	for _, n := range needs {
		if n.hint == hintMasked && g.masked.in(l.Fields) || n.hint != hintMasked && n.has(l) {
			return true
		}
	}
	return len(needs) == 0
}

// hasUnit: some figure has one of the units (or none is asked for).
func hasUnit(numbers []facts.Number, units map[string]bool) bool {
	for _, n := range numbers {
		if units[n.Unit] {
			return true
		}
	}
	return units == nil
}

// mayHaveUnits is hasUnit before the figures are read: some text may
// hold a figure with one of the units (textHints.mayHaveUnit), or none is
// asked for.
func mayHaveUnits(h *textHints, units map[string]bool) bool {
	for u := range units {
		if h.mayHaveUnit(u) {
			return true
		}
	}
	return units == nil
}

// skipTerm is input.listing.lexicon.skip.
func skipTerm(skip []string) *ast.Term {
	terms := make([]*ast.Term, len(skip))
	for i, id := range skip {
		terms[i] = nameTerm(id)
	}
	return ast.ArrayTerm(terms...)
}
