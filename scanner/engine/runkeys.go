package engine

// runKeys answers, in one look-up, the three questions fieldFinds asks of
// every run of tokens: which lexicons hold it, which tables' contexts
// list it, and whether a longer key starts with it. Asked of three maps
// apart, the look-ups of the runs were half of looking a field up
// (issue 13: a judged title has dozens of runs, an export row hundreds).
type runKeys map[string]runKey

// runKey is what a run is to the tables: the zero value for a run that
// is neither a key nor the stem of one.
type runKey struct {
	lexicons []lexiconName // lexiconKeys
	context  uint64        // contextTables
	extends  bool          // runStems: some longer key starts with it
	// tables are the bits of lexicons and context: those a look-up of
	// the run asks of the mask (fieldFinds.used).
	tables uint64
}

// withTables is rk with its tables.
func (rk runKey) withTables() runKey {
	rk.tables = rk.context
	for _, l := range rk.lexicons {
		rk.tables |= l.bit
	}
	return rk
}

// newRunKeys holds the lexicon keys, the context words and stems, those
// of both (newRunStems; the gate's words, which the engine's runStems
// holds too, are not looked up here: a run only they extend finds
// nothing).
func newRunKeys(words map[string][]lexiconName, contextOf map[string]uint64, stems runStems) runKeys {
	// Built once per engine, before the first listing: the stems, each
	// met once, are put without a look-up.
	keys := make(runKeys, len(words)+len(contextOf)+len(stems))
	for k := range stems {
		keys[k] = runKey{extends: true}
	}
	for k, lexicons := range words {
		rk := keys[k]
		rk.lexicons = lexicons
		keys[k] = rk
	}
	for k, mask := range contextOf {
		rk := keys[k]
		rk.context = mask
		keys[k] = rk
	}
	for k, rk := range keys {
		keys[k] = rk.withTables()
	}
	return keys
}

// runKey is what run is to the tables; without runs (lexiconWords built
// by hand, or a test taking the stems away), the maps apart answer.
func (lw lexiconWords) runKey(run []byte) runKey {
	if lw.runs != nil {
		return lw.runs[string(run)]
	}
	return runKey{lexicons: lw.words[string(run)], context: lw.contextOf[string(run)], extends: lw.stems.extends(run)}.withTables()
}
