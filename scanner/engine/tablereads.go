package engine

import (
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// A listing's lexicon facts (found runs, context runs, held positions,
// prefixed tokens) are kept only for the tables that the rule packages
// evaluated for it can read. A judged title skips most packages, and
// the facts of their tables (held above all) were about a quarter of
// the objects of its input (issue 13: building the input is
// allocation-bound).
//
// Which tables a package can read is read off the embedded policies: every
// table a rule reads (lexicon.found, in_context, held, data.tables.<t>) is
// named by a string in some module evaluated for it, the package's own,
// those of the packages it refers to (ad_unsourced_claim reads
// data.xiaoer.rules.ad_medical_claim), or the library's and main's, whose
// tables every listing keeps (registered_names, ad_evidence, negation).
// No policy builds a table's name or takes it from data or input
// (TestTableNamesAreLiterals). A string that merely equals a table's name
// keeps that table for nothing: the scheme can only keep too much.

// tableBits gives each table of data.tables a bit of a mask, and
// maskedPart one too. Names past 64 share bits: a name kept keeps its
// bit-mates too, never the reverse.
type tableBits map[string]uint64

// maskedPart is input.listing.lexicon.masked, kept like a table: only a
// rule naming it reads it, and finding the masked brands of a listing
// costs a scan of its text.
const maskedPart = "masked"

func newTableBits(data map[string]any) tableBits {
	tables, _ := data["tables"].(map[string]any)
	names := make([]string, 0, len(tables)+1)
	for name := range tables {
		names = append(names, name)
	}
	if _, ok := tables[maskedPart]; !ok {
		names = append(names, maskedPart)
	}
	sort.Strings(names)
	bits := make(tableBits, len(names))
	for i, name := range names {
		bits[name] = 1 << (i % 64)
	}
	return bits
}

// allTables keeps every table's facts.
const allTables = ^uint64(0)

// tableReads maps each embedded rule package to the tables it can read,
// as a mask of tableBits; always are the tables the library and main
// name. A nil *tableReads keeps every table.
type tableReads struct {
	always uint64
	byRule map[string]uint64
}

// newTableReads reads the tables each rule package names, nil (keep
// every table) when some module other than main refers to a rule
// package by a name that is not written out: then which modules run
// for a package is not known here.
func newTableReads(embedded *bundle.Bundle, bits tableBits) *tableReads {
	own := map[string]uint64{}    // package → tables its modules name
	uses := map[string][]string{} // package → rule packages its modules refer to
	var always uint64
	var libUses []string
	for _, m := range embedded.Modules {
		segs := packageSegments(m.Parsed)
		if len(segs) == 0 || strings.HasSuffix(segs[len(segs)-1], "_test") {
			continue // tests are not evaluated for listings
		}
		named, refs, ok := moduleNames(m.Parsed, bits, len(segs) == 2 && segs[0] == "xiaoer" && segs[1] == "main")
		if !ok {
			return nil
		}
		if len(segs) >= 3 && segs[0] == "xiaoer" && segs[1] == "rules" {
			own[segs[2]] |= named
			uses[segs[2]] = append(uses[segs[2]], refs...)
			continue
		}
		always |= named
		libUses = append(libUses, refs...)
	}
	r := &tableReads{byRule: make(map[string]uint64, len(own))}
	for id := range own {
		r.byRule[id] = closure(id, own, uses)
	}
	r.always = always
	for _, id := range libUses {
		r.always |= closure(id, own, uses)
	}
	return r
}

// closure is the tables package id names and those of every package it
// refers to, directly or not.
func closure(id string, own map[string]uint64, uses map[string][]string) uint64 {
	seen := map[string]bool{}
	var mask uint64
	var walk func(string)
	walk = func(p string) {
		if seen[p] {
			return
		}
		seen[p] = true
		if _, ok := own[p]; !ok {
			mask = allTables // a package with no module here: anything
		}
		mask |= own[p]
		for _, q := range uses[p] {
			walk(q)
		}
	}
	walk(id)
	return mask
}

// moduleNames are the tables module m names in a string anywhere (refs
// included), the rule packages it refers to, and false when it refers to
// data.xiaoer.rules by a name not written out (allowed to main, which
// evaluates input.rules: the packages the mask is made for).
func moduleNames(m *ast.Module, bits tableBits, isMain bool) (uint64, []string, bool) {
	var named uint64
	var refs []string
	ok := true
	// The package clause is left out: naming itself, a package would
	// keep the table of the same name for nothing.
	visit := func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.String:
			named |= bits[string(v)]
		case ast.Ref:
			id, literal, isRule := rulePackageOf(v)
			switch {
			case isRule && literal:
				refs = append(refs, id)
			case isRule && !isMain:
				ok = false
			}
		}
		return false
	}
	for _, imp := range m.Imports {
		ast.WalkTerms(imp, visit)
	}
	for _, r := range m.Rules {
		ast.WalkTerms(r, visit)
	}
	return named, refs, ok
}

// rulePackageOf: ref reaches into data.xiaoer.rules (isRule), and the
// package it names, when written out (literal).
func rulePackageOf(ref ast.Ref) (id string, literal, isRule bool) {
	if len(ref) < 3 || !ref[0].Equal(ast.DefaultRootDocument) {
		return "", false, false
	}
	for k, want := range []string{"xiaoer", "rules"} {
		s, ok := ref[k+1].Value.(ast.String)
		if !ok {
			// data[x]...: it may reach any package
			return "", false, true
		}
		if string(s) != want {
			return "", false, false
		}
	}
	if len(ref) == 3 {
		return "", false, true // the whole of data.xiaoer.rules
	}
	s, ok := ref[3].Value.(ast.String)
	return string(s), ok, true
}

// tables is the mask of the tables the packages judged for a listing of
// kind can read: every judged package of the kind but the skipped ones.
func (r *tableReads) tables(judged []string, skip []string) uint64 {
	if r == nil {
		return allTables
	}
	mask := r.always
	for _, id := range judged {
		if !slices.Contains(skip, id) {
			m, ok := r.byRule[id]
			if !ok {
				return allTables
			}
			mask |= m
		}
	}
	return mask
}
