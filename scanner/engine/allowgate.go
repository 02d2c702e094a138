package engine

import "github.com/xiaoer-dev/xiaoer/listings/facts"

// A rule whose every hit of its words is exempt where one of the hit's
// entry's allow contexts holds at it (ad-absolute: 至尊 after 酷冷 or
// before 卡, 万能 before 车充; ad-medical-claim: 减肥 in a sentence with
// 秤) declares its words allowed. Most titles with 至尊, 万能 or 减肥 hold
// one where such a context holds, and the rule then evaluates to nothing.
// For such a rule the gate counts a word whose entry lists allow contexts
// only where none of them can be shown to hold at the run, with the code
// that builds input.listing.lexicon.held (contextheld.go) on the fields
// the document is built from: a context holds at the run where held
// would give lib/lexicon.rego's in_context true for the hit. It answers
// only for the contexts in_context decides from held alone: those with
// before, after and sentence lists, and those whose unless names another
// context of the table that is not restated (it then holds where its own
// positions do and the unless's do not). A context of parts (all), one
// marked restated, one a category can stand for, one the table lacks and
// one the entry's deny names never exempt a run here: the word counts, as
// it does where held is not given (a window the library would read
// otherwise, sentences without token indexes). The text stage
// (prefilter.go) counts such words wherever they are.

// allowCheck is one allow context of an entry the gate decides: it holds
// at a run where context name's positions hold there and, when unless is
// not "", context unless's do not.
type allowCheck struct{ name, unless string }

// allowNeed is alternative alt's word whose entry's allow contexts of
// table (bit its tableBits) checks decides; found in a listing, it
// counts where none of them holds at the run (gate.resolveAllowed).
type allowNeed struct {
	alt    int
	table  string
	bit    uint64
	checks []allowCheck
	prefix bool // the alternative's prefixes, not its words (prefixgate.go)
}

// pendingAllowed is a run of an allowed word: n tokens from token i of
// field.
type pendingAllowed struct {
	need  *allowNeed
	field string
	i, n  int
}

// allowContexts is what the gate reads held with: the lexicon's context
// uses, context words by table and stems (nil uses: no held is given, and
// no word is allowed).
type allowContexts struct {
	uses      contextUses
	contextOf map[string]uint64
	bits      tableBits
	stems     runStems
}

// allowChecks are the allow contexts of entry (a word of table) that the
// gate decides, less those its deny names (lib/wordrule.rego's allows);
// none for an entry whose deny is no list of names.
func allowChecks(data map[string]any, table string, entry any) []allowCheck {
	e, _ := entry.(map[string]any)
	allow, _ := e["allow"].([]any)
	denied, ok := deniedNames(e)
	if !ok {
		return nil
	}
	t, _ := tableKeys(data, table) // nil when missing: no contexts
	contexts, _ := t["contexts"].(map[string]any)
	byCategory, _ := t["category_contexts"].(map[string]any)
	var out []allowCheck
	for _, v := range allow {
		name, _ := v.(string)
		spec, ok := contexts[name].(map[string]any)
		if !ok || denied[name] || byCategory[name] != nil || truthy(spec, "all") || truthy(spec, "restated") {
			continue
		}
		check := allowCheck{name: name}
		if truthy(spec, "unless") {
			unless, _ := spec["unless"].(string)
			u, ok := contexts[unless].(map[string]any)
			if !ok || truthy(u, "restated") {
				continue // simple_match may hold the unless beyond held
			}
			check.unless = unless
		}
		out = append(out, check)
	}
	return out
}

// deniedNames are the names entry's deny lists, and false when it has a
// deny that is no list of strings.
func deniedNames(e map[string]any) (map[string]bool, bool) {
	if !truthy(e, "deny") {
		return nil, true
	}
	list, ok := e["deny"].([]any)
	denied := map[string]bool{}
	for _, v := range list {
		s, isString := v.(string)
		ok = ok && isString
		denied[s] = true
	}
	return denied, ok
}

// allowedNeed is alternative a's need for word entry of table, nil when
// the alternative is not allowed or the gate decides none of the entry's
// allow contexts.
func (g *gate) allowedNeed(data map[string]any, table string, entry any, a int) *allowNeed {
	if !g.alts[a].allowed || g.allow.uses == nil {
		return nil
	}
	checks := allowChecks(data, table, entry)
	if len(checks) == 0 {
		return nil
	}
	return &allowNeed{alt: a, table: table, bit: g.allow.bits[table], checks: checks}
}

// resolveAllowed marks the alternatives of the allowed runs at which
// none of their allow contexts holds (every one, where the document
// will have no held).
func (g *gate) resolveAllowed(m *marks, fields map[string]facts.Field) {
	known := heldKnown(fields)
	var made []fieldHeld
	for _, p := range m.allowed {
		marked := m.words
		if p.need.prefix {
			marked = m.prefixes
		}
		if marked[p.need.alt] {
			continue
		}
		if !known || !g.allow.exempt(p, fields[p.field], &made) {
			marked[p.need.alt] = true
		}
	}
}

// fieldHeld is held for one field and table, made once per listing.
type fieldHeld struct {
	field string
	bit   uint64
	held  *heldIn
}

// exempt: one of p's allow contexts holds at its run, in f.
func (c allowContexts) exempt(p pendingAllowed, f facts.Field, made *[]fieldHeld) bool {
	h := c.heldOf(p.field, f, p.need.bit, made)
	end := sentenceEndAt(f, f.Tokens[p.i].S)
	for _, ck := range p.need.checks {
		if h.holds(p.need.table, ck.name, p.i, p.n, end) && (ck.unless == "" || !h.holds(p.need.table, ck.unless, p.i, p.n, end)) {
			return true
		}
	}
	return false
}

// heldOf is held of the contexts of the table of bit in field f (named
// field), as lexiconFacts makes it: the same context runs, positions and
// windows (heldIn.field).
func (c allowContexts) heldOf(field string, f facts.Field, bit uint64, made *[]fieldHeld) *heldIn {
	for _, x := range *made {
		if x.field == field && x.bit == bit {
			return x.held
		}
	}
	h := &heldIn{tables: bit}
	h.field(c.uses, nil, f, c.runs(f.Tokens, bit))
	*made = append(*made, fieldHeld{field, bit, h})
	return h
}

// runs are the runs of 1 to maxLexiconRun tokens that are context words
// of the tables of bit (fieldFinds' runs, for those tables).
func (c allowContexts) runs(toks []facts.Token, bit uint64) []contextRun {
	var out []contextRun
	var key []byte // looked up as string(key), which does not allocate
	for i := range toks {
		key = key[:0]
		for n := 1; n <= maxLexiconRun && i+n <= len(toks); n++ {
			key = append(key, toks[i+n-1].T...)
			if c.contextOf[string(key)]&bit != 0 {
				out = append(out, contextRun{i: i, n: n, key: string(key)})
			}
			if !c.stems.extends(key) {
				break
			}
		}
	}
	return out
}

// holds: context name of table holds at the run of n tokens from token
// i, whose sentence ends at byte end (xiaoer.held_at: before at i, after
// at i+n, sentence at end).
func (h *heldIn) holds(table, name string, i, n, end int) bool {
	for _, x := range h.at {
		u := x.use
		if u.table != table || u.name != name {
			continue
		}
		switch u.where {
		case "before":
			if int(x.at) == i {
				return true
			}
		case "after":
			if int(x.at) == i+n {
				return true
			}
		case "sentence":
			if int(x.at) == end {
				return true
			}
		}
	}
	return false
}

// sentenceEndAt is the end of the first sentence of f holding byte s, or
// wholeField (lexicon.sentence_at, as xiaoer.held_at reads it).
func sentenceEndAt(f facts.Field, s int) int {
	for _, sp := range f.Sentences {
		if sp.S <= s && s < sp.E {
			return sp.E
		}
	}
	return wholeField
}
