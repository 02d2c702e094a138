package listings

import (
	"maps"
	"testing"
)

func TestPositionsKeepsEveryField(t *testing.T) {
	t.Parallel()
	var p Positions
	if _, ok := p.Get("title"); ok || p.Len() != 0 {
		t.Fatalf("empty positions answer title (len %d)", p.Len())
	}
	p.Set("id", Position{Line: 2, Column: 8})
	p.Set("title", Position{Line: 5, Column: 10})
	p.Set("attributes.0", Position{Line: 9, Column: 3})
	p.Set("id", Position{Line: 3, Column: 1})            // replaces the inline one
	p.Set("title", Position{Line: 6, Column: 1})         // replaces one in the map
	p.Set("", Position{Line: 1, Column: 1, Block: true}) // an empty key is a key like any
	want := map[string]Position{
		"id": {Line: 3, Column: 1}, "title": {Line: 6, Column: 1},
		"attributes.0": {Line: 9, Column: 3}, "": {Line: 1, Column: 1, Block: true},
	}
	for key, w := range want {
		if got, ok := p.Get(key); !ok || got != w {
			t.Errorf("Get(%q) = %+v, %v; want %+v", key, got, ok, w)
		}
	}
	if _, ok := p.Get("price"); ok {
		t.Error("Get(price) found a field never set")
	}
	if got := maps.Collect(p.All()); !maps.Equal(got, want) || p.Len() != len(want) {
		t.Errorf("All() = %v (len %d), want %v", got, p.Len(), want)
	}
}

func TestPositionsAllMovesEachOnce(t *testing.T) {
	t.Parallel()
	p := TitlePositions(Position{Line: 1, Column: 4})
	p.Set("subtitle", Position{Line: 2, Column: 1})
	for k, pos := range p.All() {
		pos.Line += 10
		p.Set(k, pos)
	}
	for key, line := range map[string]int{"title": 11, "subtitle": 12} {
		if got, _ := p.Get(key); got.Line != line {
			t.Errorf("%s moved to line %d, want %d", key, got.Line, line)
		}
	}
}
