package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// nameData is what lib/names.rego's nameless reads of the data, read once
// per engine: whether any name is registered, and the brand attributes.
// With it the engine answers nameless for each listing
// (input.listing.lexicon.nameless) where the Rego built registered_names
// and walked every attribute once per judged listing (issue 13: about 17
// expressions each). nameless is a shortcut that must never hold for a
// listing with a name, so every doubt here answers "may have a name".
type nameData struct {
	// registered: data.tables.registered_names.names or
	// data.config.registered_names may hold a name, or a user module
	// may define data under tables or config.
	registered bool
	// brands are the keys of data.tables.registered_names.brand_attributes;
	// anyBrand: that is no object, so any attribute may be one.
	brands   map[string]bool
	anyBrand bool
}

const namesTable = "registered_names"

var keyNameless = ast.StringTerm("nameless")

func newNameData(b *bundle.Bundle) *nameData {
	tables, _ := b.Data["tables"].(map[string]any)
	table, _ := tables[namesTable].(map[string]any)
	config, _ := b.Data["config"].(map[string]any)
	nd := &nameData{registered: mayHoldName(table["names"]) || mayHoldName(config["registered_names"])}
	for _, m := range b.Modules {
		if segs := packageSegments(m.Parsed); len(segs) == 0 || segs[0] == "tables" || segs[0] == "config" {
			nd.registered = true
		}
	}
	switch brands := table["brand_attributes"].(type) {
	case map[string]any:
		nd.brands = make(map[string]bool, len(brands))
		for k := range brands {
			nd.brands[k] = true
		}
	case nil:
	default:
		nd.anyBrand = true
	}
	return nd
}

// mayHoldName: v is absent or an empty object (nothing registered).
func mayHoldName(v any) bool {
	if v == nil {
		return false
	}
	m, ok := v.(map[string]any)
	return !ok || len(m) > 0
}

// nameless answers lib/names.rego's nameless for a listing with these
// attributes, given whether its lexicon facts found a run of a
// registered_names lexicon (a brand label, a work's title, a title mark).
func (nd *nameData) nameless(attrs []listings.Attribute, nameRuns bool) bool {
	if nd.registered || nameRuns {
		return false
	}
	for _, a := range attrs {
		if nd.anyBrand || nd.brands[a.Name] {
			return false
		}
	}
	return true
}
