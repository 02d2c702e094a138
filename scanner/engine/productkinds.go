package engine

import (
	"fmt"
	"slices"
	"strings"
)

// Some words are claims only on some kinds of product: 增高 is a medical
// claim on a drug or a health food and a plain word on 内增高 shoes, 特效
// and 安全无毒 likewise. A rule that judges the listing's kind of product
// from the runs of some tables (ad_medical_claim: regulated, dosage
// forms) and from its category, and drops on other listings every hit of
// a word whose entry lists the kinds it is a claim on (only), declares
// product_kinds: the gate then counts such a word only where a word of
// those tables is a run of the listing's tokens (anywhere in it), or the
// listing has a category. Looser than the rule, which also asks which
// kind the listing is: the gate may let through a listing the rule then
// finds nothing in, never the reverse. The kind words are a partner
// context of the word (partnergate.go), one the category holds too.

// ProductKinds is Needs.ProductKinds.
type ProductKinds struct {
	// Marked is the attribute of the entries read so ("only"): the words
	// of the other entries count as without it.
	Marked string `json:"marked"`
	// Words name the tables (as Needs.Words does) whose runs let the rule
	// judge the listing some kind of product.
	Words []string `json:"words"`
}

// checkProductKinds refuses a product_kinds the gate cannot honour: no
// attribute or tables, no words to apply it to, or words read after a
// figure (indexed apart, they would not be narrowed).
func checkProductKinds(n Needs) error {
	p := n.ProductKinds
	switch {
	case p == nil:
		return nil
	case p.Marked == "" || len(p.Words) == 0 || len(n.Words) == 0:
		return fmt.Errorf("product_kinds: want marked and words, beside words")
	case n.AfterFigure > 0:
		return fmt.Errorf("product_kinds: want it without after_figure on the same words")
	}
	return nil
}

// productKinds reports whether alternative a reads the word of entry only
// on the kinds of product its entry lists: the alternative declares
// product_kinds, and the entry has its attribute, not false (`not
// entry.only` holds for false as for none).
func (g *gate) productKinds(a int, entry any) bool {
	marked := g.alts[a].productKinds
	if marked == "" {
		return false
	}
	e, _ := entry.(map[string]any)
	v, ok := e[marked]
	return ok && v != false
}

// kindContext is the index of the partner context whose words are the
// keys of tables (gate.contexts, keyed by the tables), their words marked
// as its words and the context listed among those a category holds the
// first time it is asked for.
func (g *gate) kindContext(data map[string]any, tables []string) (int, error) {
	tables = slices.Sorted(slices.Values(tables))
	key := "product_kinds:" + strings.Join(tables, ",")
	if id, ok := g.contexts[key]; ok {
		return id, nil
	}
	words := map[string]bool{}
	if err := addTableKeys(data, tables, words); err != nil {
		return 0, fmt.Errorf("product_kinds: %w", err)
	}
	id := len(g.contexts)
	g.contexts[key] = id
	g.categoryContexts = append(g.categoryContexts, id)
	for k := range words {
		g.word(k).contexts = append(g.word(k).contexts, id)
	}
	return id, nil
}

// markCategory marks the contexts a listing's category holds, where it
// has one (input.listing.category, left out when empty).
func (g *gate) markCategory(m *marks, category string) {
	if category != "" {
		mark(m.contexts, g.categoryContexts)
	}
}
