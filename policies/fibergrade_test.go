package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// gradeClaims are claims of each fibre and form the tables grade
// differently: 纯棉, 100%羊毛 (a stricter form), 100%山羊绒 (wool
// allowed), 真丝, and 纯棉 of the lining.
var gradeClaims = []string{
	`{"fiber": "棉", "form": "纯", "text": "纯棉", "part": "", "before": "", "after": "t恤", "field": "title", "s": 0, "e": 6}`,
	`{"fiber": "羊毛", "form": "100%", "text": "100%羊毛", "part": "", "before": "", "after": "", "field": "description", "s": 3, "e": 12}`,
	`{"fiber": "山羊绒", "form": "100%", "text": "100%山羊绒", "part": "", "before": "", "after": "", "field": "title", "s": 0, "e": 13}`,
	`{"fiber": "蚕丝", "form": "名称", "text": "真丝", "part": "", "before": "", "after": "连衣", "field": "title", "s": 0, "e": 6}`,
	`{"fiber": "棉", "form": "纯", "text": "纯棉", "part": "里料", "before": "", "after": "", "field": "title", "s": 8, "e": 14}`,
}

// gradeStatement is statement id of fibres shares ("棉:95") with its
// bound, part, field and label.
func gradeStatement(id int, shares string, atLeast, implied bool, part, field, label string) []string {
	var out []string
	for k, share := range strings.Fields(shares) {
		fiber, percent, _ := strings.Cut(share, ":")
		out = append(out, fmt.Sprintf(`{"fiber": %q, "percent": %s, "at_least": %v, "implied": %v, "part": %q, "label": %q, "statement": %d, "field": %q, "s": %d, "e": %d}`,
			fiber, percent, atLeast, implied, part, label, id, field, 20*id+5*k, 20*id+5*k+4))
	}
	return out
}

// gradeCompositions are compositions that grade the claims every way:
// below the threshold, none of the fibre, above it with more than a
// trace of others, lower bounds, wool beside cashmere, implied fibres,
// statements of the lining, two statements of a part.
func gradeCompositions() [][]string {
	return [][]string{
		gradeStatement(0, "棉:60 聚酯纤维:40", false, false, "", "attributes", "材质成分"),
		gradeStatement(0, "聚酯纤维:100", false, false, "", "description", "面料"),
		gradeStatement(0, "棉:97 聚氨酯弹性纤维:3", false, false, "", "attributes", "材质成分"),
		gradeStatement(0, "棉:99.6 聚酯纤维:0.4", false, false, "面料", "description", ""),
		gradeStatement(0, "羊毛:95 聚酰胺纤维:5", false, false, "", "attributes", "材质成分"),
		gradeStatement(0, "山羊绒:90 羊毛:10", false, false, "", "attributes", "材质成分"),
		gradeStatement(0, "山羊绒:95 羊毛:5", false, false, "", "attributes", "材质成分"),
		gradeStatement(0, "桑蚕丝:30 聚酯纤维:70", false, false, "", "attributes", "材质成分"),
		gradeStatement(0, "棉:96", true, false, "", "attributes", "主面料成分"),
		gradeStatement(0, "棉:96 羊毛:2", true, false, "", "description", "面料"),
		gradeStatement(0, "聚酯纤维:0 棉:0", false, true, "面料", "attributes", "面料"),
		append(gradeStatement(0, "棉:100", false, false, "里料", "description", "里料"),
			gradeStatement(1, "棉:80 聚酯纤维:20", false, false, "", "attributes", "材质成分")...),
		append(gradeStatement(0, "棉:95 聚酯纤维:5", false, false, "", "attributes", "材质成分"),
			gradeStatement(1, "棉:90", true, false, "", "description", "面料")...),
	}
}

// TestFiberFindingsGradeAsRego: in the engine's evaluations material-
// fiber's findings, which xiaoer.fiber_findings grades, are walked_findings'
// for every claim beside every composition; the builtin answers all but
// the claims whose part has only implied statements, which the Rego
// grades.
func TestFiberFindingsGradeAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.material_fiber."
	pqs := prepareBeside(t, "", "x := "+rule+"findings", "x := "+rule+"walked_findings",
		"x := xiaoer.fiber_findings(input.listing, data.tables.material, \"material_fiber\", input)")
	findings, walked, direct := pqs[0], pqs[1], pqs[2]
	engine := WithExposures(context.Background(), &stubExposures{answer: ast.StringTerm("remembered"), metas: ruleMetas(t, "material_fiber")})
	graded, walkedOnly := 0, 0
	for _, claim := range gradeClaims {
		for _, composition := range gradeCompositions() {
			input := ast.MustParseTerm(`{"kind": "listing", "listing": {"price": {"amount": 129}, "fields": {},
				"fiber_claims": [` + claim + `], "composition": [` + strings.Join(composition, ", ") + `]}}`).Value
			got, want := answer(engine, findings, input), answer(engine, walked, input)
			if got != want || (want != "set()" && !strings.HasPrefix(want, "{")) {
				t.Fatalf("%s beside %v:\n got %s\nwant %s", claim, composition, got, want)
			}
			by := answer(engine, direct, input)
			implied := strings.Contains(composition[0], `"implied": true`)
			switch {
			case by == "undefined" && implied:
				walkedOnly++
			case by != want:
				t.Fatalf("xiaoer.fiber_findings of %s beside %v = %s; want %s", claim, composition, by, want)
			case strings.Contains(want, `"share"`):
				graded++
			}
		}
	}
	if graded < 15 || walkedOnly < 4 {
		t.Errorf("%d claims graded by xiaoer.fiber_findings, %d beside implied statements by the Rego: want more", graded, walkedOnly)
	}
	t.Logf("%d claims graded by xiaoer.fiber_findings, %d beside implied statements by the Rego", graded, walkedOnly)
}
