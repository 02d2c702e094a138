package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// User rules are evaluated apart from the embedded pack, each with its own
// prepared query, time limit and memory budget: a user rule that fails,
// hangs or blows its budget costs one error finding of that rule, and the
// embedded findings of the same document stand. What a user rule emits is
// checked (checkUserFinding) before it joins them.

// userRule is one user rule package, xiaoer.rules.<name>.
type userRule struct {
	name  string // the package's last segment
	id    string // meta.id, the rule id its findings must carry
	file  string // the module that declares the package
	query rego.PreparedEvalQuery
}

// userRuleFiles maps each user rule package to the first file declaring it.
func userRuleFiles(users []*bundle.Bundle) map[string]string {
	out := map[string]string{}
	for _, u := range users {
		for _, m := range u.Modules {
			segs := packageSegments(m.Parsed)
			if len(segs) == 3 && segs[0] == "xiaoer" && segs[1] == "rules" && !strings.HasSuffix(segs[2], "_test") {
				if _, seen := out[segs[2]]; !seen {
					out[segs[2]] = m.Path
				}
			}
		}
	}
	return out
}

// prepareUserRules prepares one query per user rule over the merged bundle,
// and reads each rule's id from its meta.
func prepareUserRules(ctx context.Context, files map[string]string, base []func(*rego.Rego)) ([]userRule, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	rules := make([]userRule, 0, len(names))
	for _, name := range names {
		ref := fmt.Sprintf("data.xiaoer.rules[%q]", name)
		var id string
		pq, err := prepare(ctx, ref+".meta.id", base)
		if err == nil {
			err = evalInto(ctx, pq, &id)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: user rule %s: meta.id: %w", files[name], name, err)
		}
		q := fmt.Sprintf(`[f | input.kind in object.get(%s.meta, "kinds", ["listing"]); some f in %s.findings]`, ref, ref)
		if pq, err = prepare(ctx, q, base); err != nil {
			return nil, fmt.Errorf("%s: user rule %s: %w", files[name], name, err)
		}
		rules = append(rules, userRule{name: name, id: id, file: files[name], query: pq})
	}
	return rules, nil
}

// embeddedOnly is the merged bundle without the user modules: the embedded
// pack judged with the merged data.
func embeddedOnly(embedded, merged *bundle.Bundle) *bundle.Bundle {
	b := *merged
	b.Modules = embedded.Modules
	return &b
}

// evalUserRules runs every user rule on one input and returns what they
// found, with one error finding for each rule that failed.
func (e *Engine) evalUserRules(ctx context.Context, doc *facts.Document, input ast.Value) []finding.Finding {
	var out []finding.Finding
	for _, ur := range e.userRules {
		var raw []any
		err := e.evalBounded(ctx, ur.query, &raw, input)
		if err == nil {
			var found []finding.Finding
			if found, err = checkUserFindings(ur, doc, raw); err == nil {
				out = append(out, found...)
				continue
			}
		}
		out = append(out, ruleFailure(ur, err))
	}
	return out
}

// ruleFailure is the error finding that stands for a user rule which could
// not judge the document.
func ruleFailure(ur userRule, err error) finding.Finding {
	return finding.Finding{
		Rule: ur.id, Severity: "error",
		Message:  fmt.Sprintf("用户规则 %s（%s）未能评估本条：%v", ur.id, ur.file, err),
		Basis:    finding.Basis{Law: "用户策略 " + ur.file},
		Details:  map[string]any{finding.RuleFailedDetail: true},
		Exposure: finding.Exposure{Basis: []string{}},
	}
}

// errUserFinding marks a finding a user rule may not emit.
var errUserFinding = errors.New("invalid finding")
