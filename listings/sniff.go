package listings

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// HoldsListings reports whether a YAML or JSON file reads as listings: its
// first document is a mapping, or a list whose first item is one, with at
// least one key a listing file has (title, price, attributes ...). A
// directory scan uses it to tell listing files from other data kept beside
// them (test expectations, configuration). Text that does not decode is
// said to hold listings, so that parsing it reports why.
func HoldsListings(raw []byte) bool {
	text, _, err := Decode(raw, "")
	if err != nil {
		return true
	}
	if looksLikeJSON(text) {
		text = strings.ReplaceAll(text, "\t", " ") // as ParseListingText reads it
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(strings.NewReader(text)).Decode(&doc); err != nil || len(doc.Content) == 0 {
		return true
	}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.SequenceNode && len(root.Content) > 0 {
		root = resolve(root.Content[0])
	}
	if root.Kind != yaml.MappingNode {
		return true
	}
	for i := 0; i < len(root.Content); i += 2 {
		if _, ok := fileFields[root.Content[i].Value]; ok {
			return true
		}
	}
	return false
}
