package engine

import "sort"

// A word whose entry names a partner context (`"needs": "state_organ"`:
// 专用 is a claim only beside 国家机关) gives its rule nothing to judge
// unless that context can hold: the library keeps such a hit only where a
// word of the context's before, after, sentence or title list (of one of
// its parts, for a context of "all" parts) is a run of tokens near it
// (lib/wordrule.rego and the rules' own partnered). 专用, 推荐 and 指定 are
// in hundreds of titles and beside a state organ in almost none, so the
// gate counts such a word only where some word of its context is a run of
// tokens anywhere in the listing (looser than the library, which wants it
// around the hit: the gate may let through a listing the rule then finds
// nothing in, never the reverse). A context a listing's category can stand
// for (category_contexts) cannot be told from the tokens, so its words
// count as plain words. What each context needs is read from the tables
// once (newPartnerContexts).

// partnerNeed is an alternative that names a word with a partner context.
type partnerNeed struct{ alt, ctx int }

// pendingPartner is such a word found in the listing, counted once its
// context's words are found too (marks.resolvePartners).
type pendingPartner partnerNeed

// partnerContexts index the partner contexts of the gate's words.
type partnerContexts struct {
	ids   map[string]int   // "table/context" → index
	words map[string][]int // context word → the contexts it is a word of
}

// partnerContext is the context entry of table names as a word's partner,
// when the gate can tell from the tokens whether it may hold ("" when the
// entry names none, or names one the tokens cannot decide).
func partnerContext(data map[string]any, table string, entry any) string {
	e, _ := entry.(map[string]any)
	name, _ := e["needs"].(string)
	t, _ := tableObject(data, table)
	contexts, _ := t["contexts"].(map[string]any)
	byCategory, _ := t["category_contexts"].(map[string]any)
	if name == "" || contexts[name] == nil || byCategory[name] != nil {
		return ""
	}
	return name
}

// id is the index of context name of table, its words indexed the first
// time it is asked for.
func (pc *partnerContexts) id(data map[string]any, table, name string) int {
	key := table + "/" + name
	if id, ok := pc.ids[key]; ok {
		return id
	}
	id := len(pc.ids)
	pc.ids[key] = id
	t, _ := tableObject(data, table)
	contexts, _ := t["contexts"].(map[string]any)
	for _, w := range contextWords(contexts, name) {
		pc.words[w] = append(pc.words[w], id)
	}
	return id
}

// contextWords are the words whose presence context name needs: its own
// lists and, for a context of parts ("all"), theirs.
func contextWords(contexts map[string]any, name string) []string {
	ctx, _ := contexts[name].(map[string]any)
	names := []string{name}
	parts, _ := ctx["all"].([]any)
	for _, p := range parts {
		if s, ok := p.(string); ok {
			names = append(names, s)
		}
	}
	var out []string
	for _, n := range names {
		spec, _ := contexts[n].(map[string]any)
		out = append(out, contextListWords(spec)...)
	}
	sort.Strings(out)
	return out
}

// tableObject is data.tables.<table>.
func tableObject(data map[string]any, table string) (map[string]any, bool) {
	tables, _ := data["tables"].(map[string]any)
	t, ok := tables[table].(map[string]any)
	return t, ok
}
