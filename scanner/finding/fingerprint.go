package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Fingerprint identifies a finding across runs: rule, listing and the
// normalised evidence, never line numbers, so moving a line keeps it. When the
// listing has no id, its source path stands in.
func Fingerprint(listingID, source string, f Finding) string {
	id := listingID
	if id == "" {
		id = source
	}
	h := sha256.New()
	for _, part := range []string{f.Rule, id, f.Field, facts.Normalize(strings.TrimSpace(f.Evidence)), detailKey(f)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// detailKey keeps shipment findings of one listing apart (order, tracking).
func detailKey(f Finding) string {
	var parts []string
	for _, k := range []string{"order_id", "tracking_no"} {
		if v, ok := f.Details[k].(string); ok {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "|")
}

// Finish readies one listing's findings for reports: sorted (see Sort) and
// fingerprinted.
func Finish(found []Finding, listingID, source string) {
	Sort(found)
	for i := range found {
		found[i].Fingerprint = Fingerprint(listingID, source, found[i])
	}
}

// Sort orders findings by field, position, then rule, so output is
// stable whatever order the policies produced them in.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Field != b.Field {
			return fieldOrder(a.Field) < fieldOrder(b.Field)
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Rule < b.Rule
	})
}

var fieldRank = map[string]int{"title": 1, "subtitle": 2, "attributes": 3, "skus": 4, "promises": 5, "description": 6}

func fieldOrder(f string) int {
	if r, ok := fieldRank[f]; ok {
		return r
	}
	return 9
}
