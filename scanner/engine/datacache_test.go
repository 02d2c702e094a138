package engine

import (
	"fmt"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The shared cache answers as OPA's own per-evaluation cache does: a
// document read before, and what lies under it; nothing for the rest.
func TestDataCacheFindsWhatWasRead(t *testing.T) {
	t.Parallel()
	c := &dataCache{}
	c.Put(ast.MustParseRef(`data.tables.t`), ast.MustParseTerm(`{"words": {"最好": {"cat": "zui"}}}`).Value)
	tests := []struct {
		ref, want string // want "": a miss
	}{
		{`data.tables.t`, `{"words": {"最好": {"cat": "zui"}}}`},
		{`data.tables.t.words["最好"].cat`, `"zui"`},
		{`data.tables.t.words["最佳"]`, ``},
		{`data.tables`, ``},
		{`data.tables.u`, ``},
	}
	for _, tc := range tests {
		got := c.Get(ast.MustParseRef(tc.ref))
		switch {
		case tc.want == "" && got != nil:
			t.Errorf("Get(%s) = %v, want a miss", tc.ref, got)
		case tc.want != "" && (got == nil || got.Compare(ast.MustParseTerm(tc.want).Value) != 0):
			t.Errorf("Get(%s) = %v, want %s", tc.ref, got, tc.want)
		}
	}
	c.Put(ast.MustParseRef(`data.tables`), ast.MustParseTerm(`{"t": 1, "u": 2}`).Value)
	if got := c.Get(ast.MustParseRef(`data.tables.u`)); got == nil || got.Compare(ast.Number("2")) != 0 {
		t.Errorf("after a read of data.tables, Get(data.tables.u) = %v, want 2", got)
	}
}

// Workers read and fill the cache at once: each finds what it put.
func TestDataCacheShared(t *testing.T) {
	t.Parallel()
	c := &dataCache{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 50 {
				ref := ast.MustParseRef(fmt.Sprintf(`data.tables.t%d.words`, (i+w)%10))
				want := ast.String(fmt.Sprint((i + w) % 10))
				if got := c.Get(ref); got != nil && got.Compare(want) != 0 {
					t.Errorf("Get(%s) = %v, want %v", ref, got, want)
				}
				c.Put(ref, want)
			}
		})
	}
	wg.Wait()
}
