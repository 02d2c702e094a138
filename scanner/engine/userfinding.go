package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// maxExposureCNY bounds any figure of a user finding's exposure: the
// largest fine in the Advertising Law is 2,000,000 yuan; a user figure a
// thousand times that is a mistake or a lie.
const maxExposureCNY = 2e9

// checkUserFindings decodes what one user rule emitted and checks each
// finding against the finding shape: known keys and types, the rule's own
// id, a known severity, a message, a span inside its field whose text is
// the evidence, a sane exposure and no suppression (only the user's own
// ignore lists and config suppress). The error names the rule and its file.
func checkUserFindings(ur userRule, doc *facts.Document, raw []any) ([]finding.Finding, error) {
	out := make([]finding.Finding, 0, len(raw))
	for i, item := range raw {
		f, err := decodeFinding(item)
		if err == nil {
			err = checkUserFinding(ur, doc, f)
		}
		if err != nil {
			return nil, fmt.Errorf("%w %d of rule %s (%s): %v", errUserFinding, i+1, ur.id, ur.file, err)
		}
		out = append(out, f)
	}
	return out, nil
}

// decodeFinding reads one finding strictly: unknown keys and wrong types
// are errors that name the key.
func decodeFinding(item any) (finding.Finding, error) {
	var f finding.Finding
	raw, err := json.Marshal(item)
	if err != nil {
		return f, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("shape: %w", err)
	}
	return f, nil
}

func checkUserFinding(ur userRule, doc *facts.Document, f finding.Finding) error {
	switch {
	case f.Rule != ur.id:
		return fmt.Errorf("rule %q: a user rule reports only under its own id %q", f.Rule, ur.id)
	case finding.SeverityRank(f.Severity) == 0:
		return fmt.Errorf("severity %q: want error, warning or info", f.Severity)
	case f.Message == "":
		return fmt.Errorf("no message")
	case f.Suppressed != nil:
		return fmt.Errorf("carries a suppression: only ignore lists and config suppress findings")
	case f.Fingerprint != "" || f.Location != nil || f.Context != "":
		return fmt.Errorf("sets fingerprint, location or context, which xiaoer computes")
	case f.Details[finding.RuleFailedDetail] != nil:
		return fmt.Errorf("details.%s is xiaoer's own", finding.RuleFailedDetail)
	}
	if err := checkExposure(f.Exposure); err != nil {
		return err
	}
	return checkEvidence(doc, f)
}

func checkExposure(x finding.Exposure) error {
	for _, v := range []float64{x.PunitiveCNY, x.PlatformCNY, x.FineCNY[0], x.FineCNY[1], x.Points} {
		if math.IsNaN(v) || v < 0 || v > maxExposureCNY {
			return fmt.Errorf("exposure figure %v: want 0 to %.0f", v, maxExposureCNY)
		}
	}
	if x.FineCNY[0] > x.FineCNY[1] {
		return fmt.Errorf("exposure fine range %v reversed", x.FineCNY)
	}
	return nil
}

// checkEvidence holds a listing finding to its text: the field exists, the
// span is inside it, and the evidence, if given, is the text at the span.
func checkEvidence(doc *facts.Document, f finding.Finding) error {
	if doc.Listing == nil {
		return nil
	}
	if f.Field == "" && f.Evidence == "" && f.Span == (finding.Span{}) {
		return nil // a finding about the listing as a whole
	}
	field, ok := doc.Listing.Fields[f.Field]
	if !ok {
		return fmt.Errorf("field %q: the listing has no such field", f.Field)
	}
	if f.Span.Start < 0 || f.Span.Start > f.Span.End || f.Span.End > len(field.Text) {
		return fmt.Errorf("span [%d,%d) outside field %s (%d bytes)", f.Span.Start, f.Span.End, f.Field, len(field.Text))
	}
	if f.Evidence != "" && f.Evidence != field.Text[f.Span.Start:f.Span.End] {
		return fmt.Errorf("evidence %q is not the text of field %s at [%d,%d)", f.Evidence, f.Field, f.Span.Start, f.Span.End)
	}
	return nil
}
