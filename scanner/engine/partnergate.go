package engine

import "sort"

// A rule whose every hit of its words passes the word's partner context
// (lib/wordrule.rego's partnered: an entry with "needs": "state_organ" is
// kept only where a word of that context's before, after, sentence or title
// list, or of each of its "all" parts, is a run of tokens around it or in
// the title) declares its words partnered. 专用, 推荐 and 指定 are in
// hundreds of titles and beside a state organ in almost none, so for such
// a rule the gate counts a word with a partner context only where some
// word of its context (of any part) is a run of 1 to maxLexiconRun tokens
// anywhere in the listing: looser than the library, so the gate may let
// through a listing the rule then finds nothing in, never the reverse. A
// context a listing's category can stand for (category_contexts), and one
// with no words of its own or of its parts (an empty "all" holds
// everywhere), cannot be told from the tokens: such a word counts as a
// plain word. Rules that read their words without partnered do not
// declare it, and their words count wherever they are.

// partnerNeed is alternative alt's word with partner context ctx (an index
// of gate.contexts); found in a listing, it counts once a word of ctx is
// found too (marks.resolvePartners).
type partnerNeed struct{ alt, ctx int }

// partnerContext is the context entry of table names as a word's partner,
// when the gate can tell from the tokens whether it may hold ("" when the
// entry names none, or names one the tokens cannot decide).
func partnerContext(data map[string]any, table string, entry any) string {
	e, _ := entry.(map[string]any)
	name, _ := e["needs"].(string)
	t, _ := tableKeys(data, table) // nil when missing: no contexts
	contexts, _ := t["contexts"].(map[string]any)
	byCategory, _ := t["category_contexts"].(map[string]any)
	if name == "" || contexts[name] == nil || byCategory[name] != nil || len(contextWords(contexts, name)) == 0 {
		return ""
	}
	return name
}

// contextID is the index of context name of table, its words marked as
// partner-context words the first time it is asked for.
func (g *gate) contextID(data map[string]any, table, name string) int {
	key := table + "/" + name
	if id, ok := g.contexts[key]; ok {
		return id
	}
	id := len(g.contexts)
	g.contexts[key] = id
	t, _ := tableKeys(data, table) // nil when missing: no contexts
	contexts, _ := t["contexts"].(map[string]any)
	for _, w := range contextWords(contexts, name) {
		g.word(w).contexts = append(g.word(w).contexts, id)
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
