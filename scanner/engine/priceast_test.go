package engine

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestPriceASTIsAstTerms: priceAST makes the object encoding/json's way
// makes of a price (and astTerm's), for whole and fractional figures,
// figures encoding/json writes apart (-0, 1e21, 1e-7) and every price of
// the fixtures; a price with an invalid currency is left to astTerm.
func TestPriceASTIsAstTerms(t *testing.T) {
	t.Parallel()
	prices := []facts.PriceFact{
		{Amount: 243, Min: 199, Max: 243, Currency: "CNY"},
		{Amount: 59.9, Min: 0.01, Max: 59.9, Currency: "CNY"},
		{Amount: 1e21, Min: 1e-7, Max: math.Copysign(0, -1), Currency: "USD"},
		{Amount: 1<<53 + 2, Min: 100000, Max: -3},
		{},
	}
	j := checker(t)
	for _, l := range stemListings(t) {
		if p := j.Builder.Build(l).Listing.Price; p != nil {
			prices = append(prices, *p)
		}
	}
	for _, p := range prices {
		got, ok := priceAST(&p, nil)
		want, err := jsonTerm(reflect.ValueOf(p))
		byReflection, rerr := astTerm(reflect.ValueOf(p))
		if !ok || err != nil || rerr != nil || got.String() != want.String() || got.Value.Compare(want.Value) != 0 ||
			got.Hash() != want.Hash() || got.String() != byReflection.String() {
			t.Errorf("priceAST(%+v) = %v, %v; encoding/json's: %v, %v; astTerm: %v, %v", p, got, ok, want, err, byReflection, rerr)
		}
	}
	if len(prices) < 10 {
		t.Errorf("%d prices compared, want the fixtures' too", len(prices))
	}
	bad := facts.PriceFact{Amount: 2, Currency: "\xff"}
	if _, ok := priceAST(&bad, nil); ok {
		t.Errorf("priceAST took a currency that is not UTF-8")
	}
}

// TestPriceFieldsAreTheOnesPriceASTWrites: a field added to a price, or
// one renamed, must be written by priceAST too.
func TestPriceFieldsAreTheOnesPriceASTWrites(t *testing.T) {
	t.Parallel()
	var names []string
	for _, f := range jsonFieldsOf(priceType.Elem()) {
		names = append(names, f.name)
	}
	if want := []string{"amount", "currency", "max", "min"}; !slices.Equal(names, want) {
		t.Errorf("a price's JSON fields are %v, priceAST writes %v", names, want)
	}
	if !plainPrice() {
		t.Errorf("facts.PriceFact marshals itself: priceAST would not be used")
	}
}
