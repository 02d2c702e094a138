// Package finding holds what every stage of a scan says about a listing or
// an order: the Finding a rule reports, its span, location, basis and
// exposure, the catalogue entry of a rule, and fingerprints.
package finding

// Finding is one problem a rule found, with what it rests on and what it costs.
type Finding struct {
	Rule        string         `json:"rule"`
	Severity    string         `json:"severity"` // error | warning | info
	Message     string         `json:"message"`
	Field       string         `json:"field"`
	Evidence    string         `json:"evidence"`
	Context     string         `json:"context,omitempty"` // the sentence around the evidence
	Span        Span           `json:"span"`
	Location    *Location      `json:"location,omitempty"`
	Basis       Basis          `json:"basis"`
	Suggestion  string         `json:"suggestion"`
	Exposure    Exposure       `json:"exposure"`
	Details     map[string]any `json:"details,omitempty"`
	Fingerprint string         `json:"fingerprint"`
	Suppressed  *Suppression   `json:"suppressed,omitempty"`
}

// RuleMeta is a rule's catalogue entry (policies' meta object).
type RuleMeta struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Severity    string   `json:"severity"`
	Kinds       []string `json:"kinds"`
	Description string   `json:"description"`
	Basis       Basis    `json:"basis"`
	Suggestion  string   `json:"suggestion"`
}

// Span is a byte range [Start, End) in the field's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Location is where the evidence stands in the input file (1-based).
type Location struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Basis is the law or platform rule a finding rests on.
type Basis struct {
	Law       string `json:"law"`
	Penalty   string `json:"penalty,omitempty"`
	Link      string `json:"link,omitempty"`
	Confirmed bool   `json:"confirmed"`
	Note      string `json:"note,omitempty"`
}

// Exposure is what a finding can cost the seller.
type Exposure struct {
	PunitiveCNY float64    `json:"punitive_cny"` // buyer's punitive claim (消法 §55 / 食品安全法 §148)
	PlatformCNY float64    `json:"platform_cny"` // compensation the platform makes the seller pay
	FineCNY     [2]float64 `json:"fine_cny"`     // administrative fine range
	Points      float64    `json:"points"`       // shop points deducted
	Basis       []string   `json:"basis"`
	Confirmed   bool       `json:"confirmed"` // false when any figure rests on an unconfirmed source
}

// Suppression records why a finding was waived; suppressed findings are
// counted and shown, never hidden.
type Suppression struct {
	Reason string `json:"reason"`
	Source string `json:"source"` // inline | listing | config | baseline
}

// Severity ranks, for --fail-on and sorting.
var severityRank = map[string]int{"info": 1, "warning": 2, "error": 3}

// SeverityRank returns 0 for an unknown severity.
func SeverityRank(s string) int { return severityRank[s] }

// AtLeast reports whether the finding is at or above the given severity.
func (f Finding) AtLeast(severity string) bool {
	return severityRank[f.Severity] >= severityRank[severity] && severityRank[severity] > 0
}
