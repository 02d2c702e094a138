package engine

// runStems are the proper prefixes, at character boundaries, of the keys
// that runs of tokens are looked up as (lexicon keys, context words). A run that is no stem cannot grow into a key, so the
// lookups of its longer runs are left out: most tokens start no key, and
// each run used to cost a hash per key set for all maxLexiconRun lengths.
//
// A run concatenates whole tokens of normalised (valid UTF-8) text, so it
// ends on a character boundary of any key it is a prefix of: the stems
// need no other prefixes.
type runStems map[string]struct{}

// add records the stems of key.
func (s runStems) add(key string) {
	for i := range key {
		if i > 0 {
			s[key[:i]] = struct{}{}
		}
	}
}

// extends reports whether some key starts with run and is longer than
// it. A nil set knows no keys and answers yes (every run is looked up).
func (s runStems) extends(run []byte) bool {
	if s == nil || len(run) == 0 {
		return true
	}
	_, ok := s[string(run)]
	return ok
}

// newRunStems are the stems of the lexicon keys and context words.
func newRunStems(words map[string][]lexiconName, context map[string]bool) runStems {
	s := runStems{}
	for k := range words {
		s.add(k)
	}
	for k := range context {
		s.add(k)
	}
	return s
}
