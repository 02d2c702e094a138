package engine

import (
	"slices"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// fieldFinds are what one field gives a listing's lexicon facts, in the
// order lexiconFacts meets them: the field's runs of each lexicon, its
// context starts, its prefixed tokens, its context runs (for held) and
// its masked brands. They follow from the field's value and the tables
// kept alone, so a listing whose field equals another's can take them as
// they are (findsMemo): the facts that span fields (pattern heads, held,
// the grouping by table) are still made per listing, from them.
type fieldFinds struct {
	name     *ast.Term // the field's name, in its runs
	adds     []foundRun
	starts   *ast.Term // [{i, runs}] (nil: no context run)
	prefixed []*ast.Term
	runs     []contextRun
	masked   []*ast.Term
	// used are the tables whose bits the look-up asked of the mask,
	// whichever were in it: the finds for a mask are the finds for the
	// mask's used bits alone (findsMemo keeps them so).
	used uint64
}

// foundRun is run r found in lexicon lex; term is its term {field, i, n,
// key}, nil for a pattern head (its term also names patterns, which
// depend on the other fields: patternStarts.headTerms).
type foundRun struct {
	lex  lexiconName
	run  runAt
	term *ast.Term
}

// findsOf looks up field f, named name, in the tables of mask tables:
// every run of 1 to maxLexiconRun tokens that is a key, and the tokens
// that start with a prefix. ff's slices are reused; the terms come from
// slab.
func (lw lexiconWords) findsOf(ff *fieldFinds, name string, f facts.Field, tables uint64, slab *termSlab) *fieldFinds {
	*ff = fieldFinds{name: nameTerm(name), // shared by every run of the field
		adds: ff.adds[:0], prefixed: ff.prefixed[:0], runs: ff.runs[:0]}
	toks := f.Tokens
	var starts []*ast.Term
	var used uint64 // ff.used, in a register while the tokens are walked
	var buf [64]byte
	key := buf[:0] // looked up as string(key), which does not allocate
	for i, tok := range toks {
		var here []*ast.Term
		key = key[:0]
		for n := 1; n <= maxLexiconRun && i+n <= len(toks); n++ {
			key = append(key, toks[i+n-1].T...)
			rk := lw.runKey(key)
			used |= rk.tables
			inContext := rk.context&tables != 0
			if len(rk.lexicons) > 0 || inContext {
				sk := lw.keys.of(key)
				r := runAt{field: name, fieldTerm: ff.name, keyTerm: sk.term, i: i, n: n, key: sk.key}
				ff.found(lw, r, rk.lexicons, tables, slab)
				if inContext {
					here = append(here, sk.contextRun(n))
					ff.runs = append(ff.runs, contextRun{i: i, n: n, key: r.key})
				}
			}
			if !rk.extends {
				break
			}
		}
		if here != nil {
			starts = append(starts, slab.object(ast.Item(keyI, ast.InternedTerm(i)), ast.Item(keyRuns, slab.array(here...))))
		}
		if first, size := utf8.DecodeRuneInString(tok.T); size > 0 && lw.mayBePrefix(first) {
			// isPrefix, keeping the bits it asked of the mask
			bits := prefixBits(lw.words[string(first)])
			used |= bits
			if bits&tables != 0 {
				ff.prefixed = append(ff.prefixed, slab.object(ast.Item(keyField, ff.name), ast.Item(keyI, ast.InternedTerm(i))))
			}
		}
	}
	if starts != nil {
		ff.starts = slab.array(starts...)
	}
	keeps, bit := lw.maskedKept(tables)
	ff.used = used | bit
	if keeps {
		ff.masked = lw.masked.find(name, f)
	}
	return ff
}

// found adds run r for each of lexicons of a table of mask tables. The
// lexicons of one run share its term: the values are equal, and OPA only
// reads them.
func (ff *fieldFinds) found(lw lexiconWords, r runAt, lexicons []lexiconName, tables uint64, slab *termSlab) {
	var term *ast.Term
	for _, lex := range lexicons {
		if lex.bit&tables == 0 {
			continue
		}
		if lw.starts[lex.table] != nil && lex.lexicon == patternHeads {
			ff.adds = append(ff.adds, foundRun{lex: lex, run: r})
			continue
		}
		if term == nil {
			term = runTerm(r, slab)
		}
		ff.adds = append(ff.adds, foundRun{lex: lex, run: r, term: term})
	}
}

// prefixBits are the bits of the prefixes lexicons among lexicons:
// isPrefix(lexicons, tables) is prefixBits(lexicons)&tables != 0.
func prefixBits(lexicons []lexiconName) uint64 {
	var bits uint64
	for _, l := range lexicons {
		if l.lexicon == "prefixes" {
			bits |= l.bit
		}
	}
	return bits
}

// runTerm is the term of a run: {field, i, n, key}.
func runTerm(r runAt, slab *termSlab) *ast.Term {
	return slab.object(
		ast.Item(keyField, r.fieldTerm),
		ast.Item(keyI, ast.InternedTerm(r.i)),
		ast.Item(keyN, ast.InternedTerm(r.n)),
		ast.Item(keyKey, r.keyTerm),
	)
}

// field adds what field f, named name, gives the listing's facts.
func (lf *lexiconFound) field(name string, f facts.Field) {
	ff := lf.words.finds.of(lf.words, name, f, lf.tables, &lf.scratch, &lf.slab)
	lf.found = slices.Grow(lf.found, len(ff.adds)) // once a field, not at every doubling
	for _, a := range ff.adds {
		lf.add(a)
	}
	if ff.starts != nil {
		lf.context = append(lf.context, ast.Item(ff.name, ff.starts))
	}
	lf.prefixed = append(lf.prefixed, ff.prefixed...)
	if lf.held != nil {
		lf.held.field(lf.words.uses, ff.name, f, ff.runs)
	}
	lf.masked = append(lf.masked, ff.masked...)
}
