package engine

import (
	"cmp"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// term is held as an object of objects, down to sets of positions:
// the positions sorted by table, context, list, field and position, each
// group one set; and an entry, empty if nothing else, for each of the
// library's own contexts. Its terms come from slab.
func (h *heldIn) term(library []libraryContext, slab *termSlab) *ast.Term {
	slices.SortFunc(h.at, func(x, y heldAt) int {
		if c := cmp.Compare(x.use.rank, y.use.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(x.field, y.field); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	})
	h.at = slices.CompactFunc(h.at, func(x, y heldAt) bool { return x.use.rank == y.use.rank && x.field == y.field && x.at == y.at })
	// The item lists are copied by NewObject, so each is reused for the
	// next object.
	var tableRoom, nameRoom, whereRoom [itemRoom][2]*ast.Term
	tables, names, wheres := tableRoom[:0], nameRoom[:0], whereRoom[:0]
	lists := heldLists{held: h, slab: slab, made: make([]heldList, 0, heldListsFirst)}
	start := 0
	var kept *heldValue // the entry of the context's list, when it has one list
	for k, x := range h.at {
		next := &contextUse{rank: -1}
		if k+1 < len(h.at) {
			next = h.at[k+1].use
		}
		if next.rank == x.use.rank {
			continue // the same list: one rank per table, name and where
		}
		var list *ast.Term
		list, kept = lists.value(start, k+1)
		wheres = append(wheres, ast.Item(x.use.terms[2], list))
		start = k + 1
		if next.table == x.use.table && next.name == x.use.name {
			continue
		}
		names = append(names, ast.Item(x.use.terms[1], contextTerm(wheres, kept, x.use, slab)))
		wheres = wheres[:0]
		if next.table == x.use.table {
			continue
		}
		names = withEntries(names, x.use.table, library)
		tables = append(tables, ast.Item(x.use.terms[0], slab.object(names...)))
		names = names[:0]
	}
	return slab.object(withLibraryTables(tables, library, h.tables)...)
}

// contextTerm is a context's object of its lists, wheres; a context
// holding in one list, whose value is kept (last, the entry of u's list),
// shares the object kept with that value.
func contextTerm(wheres [][2]*ast.Term, last *heldValue, u *contextUse, slab *termSlab) *ast.Term {
	if len(wheres) == 1 && last != nil {
		if i := whereIndex(u.where); i >= 0 {
			return last.wrapped(i, u.terms[2])
		}
	}
	return slab.object(wheres...)
}

// heldLists makes the value of each list of held, {field: {positions}},
// once per listing: the lists of a listing often hold at the same
// positions (every sentence context of a word holds in its sentence), and
// a value made again costs a set and an object.
type heldLists struct {
	held *heldIn
	slab *termSlab
	made []heldList
	// fields, set and pos are reused from one value to the next.
	fields [][2]*ast.Term
	set    []*ast.Term
	pos    []heldPos
}

// heldListsFirst is the room for the lists made a listing starts with
// (a judged export row has about seven).
const heldListsFirst = 8

// heldList is a value made: for the positions held.at[from:to], and
// the memo's entry of it (nil: not kept).
type heldList struct {
	from, to int
	term     *ast.Term
	kept     *heldValue
}

// value is the value of the list of positions held.at[from:to] (one
// list's, sorted by field and position), and the memo's entry of it (nil:
// made for the listing alone).
func (l *heldLists) value(from, to int) (*ast.Term, *heldValue) {
	at := l.held.at
	for _, m := range l.made {
		if slices.EqualFunc(at[m.from:m.to], at[from:to], func(x, y heldAt) bool { return x.field == y.field && x.at == y.at }) {
			return m.term, m.kept
		}
	}
	build := func(slab *termSlab) *ast.Term { return l.build(from, to, slab) }
	t, kept := l.held.memo.of(l.positions(from, to), build, l.slab)
	if l.held.share {
		l.made = append(l.made, heldList{from, to, t, kept})
	}
	return t, kept
}

// positions are held.at[from:to] with their fields' names, in a slice
// reused from one list to the next (none without a memo to look up).
func (l *heldLists) positions(from, to int) []heldPos {
	if l.held.memo == nil {
		return nil
	}
	l.pos = l.pos[:0]
	for _, x := range l.held.at[from:to] {
		l.pos = append(l.pos, heldPos{field: string(l.held.fields[x.field].Value.(ast.String)), at: x.at})
	}
	return l.pos
}

// build makes the value of the list of positions held.at[from:to], its
// terms from slab.
func (l *heldLists) build(from, to int, slab *termSlab) *ast.Term {
	at := l.held.at
	l.fields = l.fields[:0]
	for k := from; k < to; k++ {
		l.set = append(l.set, positionTerm(at[k].at))
		if k+1 < to && at[k+1].field == at[k].field {
			continue
		}
		l.fields = append(l.fields, ast.Item(l.held.fields[at[k].field], slab.term(ast.NewSet(l.set...))))
		l.set = l.set[:0]
	}
	return slab.object(l.fields...)
}

// positionTerm is the term of a held position.
func positionTerm(at int32) *ast.Term {
	if at == wholeField {
		return wholeFieldTerm
	}
	return ast.InternedTerm(int(at))
}

// wholeFieldTerm is made once: every sentence context of a listing holds
// there, and the number is above the ones OPA keeps made.
var wholeFieldTerm = ast.InternedTerm(wholeField)

// withEntries are the items of table's object in held with an entry (an
// empty object) for each of the library's contexts of the table that
// they lack. Added before the object is made: an item inserted into an
// object made cost a good part of held (issue 13).
func withEntries(names [][2]*ast.Term, table string, library []libraryContext) [][2]*ast.Term {
	have := len(names)
	for _, e := range library {
		if e.table != table || slices.ContainsFunc(names[:have], keyIs(e.name)) {
			continue
		}
		names = append(names, ast.Item(nameTerm(e.name), emptyEntry))
	}
	return names
}

// withLibraryTables are the tables of held and, for each table of mask
// kept with library contexts that held lacks, its object of empty entries
// (libraryContext.alone).
func withLibraryTables(tables [][2]*ast.Term, library []libraryContext, kept uint64) [][2]*ast.Term {
	have := len(tables)
	for k, e := range library {
		if e.bit&kept == 0 || slices.ContainsFunc(library[:k], func(o libraryContext) bool { return o.table == e.table }) ||
			slices.ContainsFunc(tables[:have], keyIs(e.table)) {
			continue
		}
		tables = append(tables, ast.Item(nameTerm(e.table), e.alone))
	}
	return tables
}

// keyIs: an item's key is the string name.
func keyIs(name string) func([2]*ast.Term) bool {
	return func(it [2]*ast.Term) bool {
		s, ok := it[0].Value.(ast.String)
		return ok && string(s) == name
	}
}

// emptyEntry is the entry of a library context the listing has no word
// of, shared by every listing's held (and the empty found and context of
// the lexicon facts).
var emptyEntry = frozen(ast.ObjectTerm())
