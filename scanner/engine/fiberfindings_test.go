package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// fiberListings are listings with material-fiber's claims and
// compositions: claims alone (a title), claims beside a statement of
// their part (graded) or of another part, statements that conflict,
// implied statements (面料: 涤棉) and exempted claims (仿真丝, 纯棉感).
func fiberListings() []*listings.Listing {
	texts := []string{
		"纯棉T恤 男 短袖 宽松",
		"100%羊毛围巾 加厚 面料：羊毛95% 聚酰胺纤维5%",
		"真丝睡衣 女 夏 仿真丝 纯棉感",
		"面料：棉100% 里料：聚酯纤维100%",
		"全棉四件套 面料：涤棉",
		"桑蚕丝衬衫 里料：纯棉 面料：桑蚕丝30% 聚酯纤维70%",
		"面料：棉60% 聚酯纤维40% 成分：棉100%",
		"纯羊绒衫 山羊绒90% 羊毛10%",
	}
	attrs := [][]listings.Attribute{
		nil,
		{{Name: "材质成分", Value: "聚酯纤维100%"}},
		{{Name: "面料材质", Value: "棉"}, {Name: "材质成分", Value: "棉95% 聚氨酯弹性纤维5%"}},
	}
	return crossListings("fiber", attrs, texts)
}

// TestFiberFindingsAsRego: material-fiber's findings, made by
// xiaoer.fiber_findings where no claim's part has only statements
// without figures, are walked_findings' (see eachWalked); the builtin
// answers listings with findings, claims graded by a statement's figures
// among them.
func TestFiberFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.material_fiber."
	direct := `xiaoer.fiber_findings(input.listing, data.tables.material, "material_fiber", input)`
	directQ := packQuery(t, "x := "+direct)
	engine := checker(t).Engine.withExposures(context.Background())
	answered, graded := 0, 0
	eachWalked(t, rule, direct, fiberListings(), func(in, want ast.Value) {
		if want.(*ast.Array).Len() == 0 || answerIn(t, engine, directQ, in) == nil { // a set, as the answer's JSON has it
			return
		}
		answered++
		if strings.Contains(want.String(), `"share"`) {
			graded++
		}
	})
	if answered < 10 || graded < 5 {
		t.Errorf("%d listings with findings by xiaoer.fiber_findings, %d with a graded claim: want more", answered, graded)
	}
	t.Logf("%d listings with findings by xiaoer.fiber_findings, %d with a graded claim", answered, graded)
}
