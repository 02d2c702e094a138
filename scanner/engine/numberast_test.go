package engine

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestNumberASTIsAstTerms: numberAST makes the object astTerm makes of a
// number, for numbers written by hand (every optional item, floats
// encoding/json writes apart) and every number of the fixtures and, when
// there, the corpus titles; a number with an invalid string is left to
// astTerm.
func TestNumberASTIsAstTerms(t *testing.T) {
	t.Parallel()
	at := func(i int) *int { return &i }
	numbers := []facts.Number{
		{Value: 1.5, Unit: "米", Field: "title", S: 0, E: 6, First: at(0), Last: at(1), Next: at(2)},
		{Value: 100000, Unit: "件", Plus: true, Field: "description", S: 12, E: 20, First: at(2), Last: at(3)},
		{Value: 1e21, Unit: "%", Field: "title", Next: at(-1)},
		{Value: 1e-7, Field: "attributes", S: 1000, E: 100000},
		{Value: math.Copysign(0, -1), Unit: "g"},
		{Value: 2017, Unit: "年", Field: "title"}, {Value: -3, Unit: "%"}, {Value: 1e20}, {Value: 1<<53 + 2},
		{},
	}
	j := checker(t)
	for _, l := range stemListings(t) {
		numbers = append(numbers, j.Builder.Build(l).Listing.Numbers...)
	}
	for _, n := range numbers {
		got, ok := numberAST(&n)
		want, err := astTerm(reflect.ValueOf(n))
		if !ok || err != nil || got.String() != want.String() || got.Value.Compare(want.Value) != 0 || got.Hash() != want.Hash() {
			t.Errorf("numberAST(%+v) = %v, %v; astTerm: %v, %v", n, got, ok, want, err)
		}
	}
	if len(numbers) < 100 {
		t.Errorf("%d numbers compared, want the fixtures' and the corpus's", len(numbers))
	}
	bad := facts.Number{Value: 2, Unit: "\xff", Field: "title"}
	if _, ok := numberAST(&bad); ok {
		t.Errorf("numberAST took a unit that is not UTF-8")
	}
	got, err := factAST(&bad)
	want, _ := astTerm(reflect.ValueOf(bad))
	if err != nil || got.String() != want.String() {
		t.Errorf("factAST(invalid unit) = %v, %v, want astTerm's %v", got, err, want)
	}
}

// TestNumberFieldsAreTheOnesNumberASTWrites: a field added to a number,
// or one renamed, must be written by numberAST too.
func TestNumberFieldsAreTheOnesNumberASTWrites(t *testing.T) {
	t.Parallel()
	var names []string
	for _, f := range jsonFieldsOf(numberType) {
		names = append(names, f.name)
	}
	want := []string{"e", "field", "plus", "s", "ti", "tl", "tn", "unit", "value"}
	if !slices.Equal(names, want) {
		t.Errorf("facts.Number's fields = %v, numberAST writes %v", names, want)
	}
	if !plainNumber() {
		t.Errorf("facts.Number marshals itself: numberAST would not be used")
	}
}
