package policies

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// TestPlainSprintf checks plainSprintf against OPA's sprintf wherever it
// answers, and that it leaves to OPA what it cannot write as OPA does.
func TestPlainSprintf(t *testing.T) {
	t.Parallel()
	cases := []struct {
		format, args string
		plain        bool
	}{
		{`"「%s」未注明%s：广告"`, `["销量10万件", "来源和期间"]`, true},
		{`"%s%v%%"`, `["棉", 95]`, true},
		{`"%s≥%v%%"`, `["羊毛", -7]`, true},
		{`"%d件 %v"`, `[0, "x"]`, true},
		{`"100%% %s"`, `["棉"]`, true},
		{`"no verbs"`, `[]`, true},
		{`""`, `[]`, true},
		{`"%v"`, `[123456789012345678]`, true},
		{`"%v"`, `[1234567890123456789]`, false},
		{`"%s%v%%"`, `["棉", 95.5]`, false},
		{`"%v"`, `[1.0]`, false},
		{`"%v"`, `[1e2]`, false},
		{`"%v"`, `[-0]`, false},
		{`"%d"`, `["5"]`, false},
		{`"%s"`, `[5]`, false},
		{`"%s"`, `[true]`, false},
		{`"%s"`, `[["a"]]`, false},
		{`"%5s"`, `["a"]`, false},
		{`"%q"`, `["a"]`, false},
		{`"%s %s"`, `["a"]`, false},
		{`"%s"`, `["a", "b"]`, false},
		{`"50%"`, `[]`, false},
		{`"%界"`, `["a"]`, false},
	}
	opa := topdown.GetBuiltin(sprintfName)
	for _, c := range cases {
		operands := []*ast.Term{ast.MustParseTerm(c.format), ast.MustParseTerm(c.args)}
		got, ok := plainSprintf(operands)
		if ok != c.plain {
			t.Errorf("sprintf(%s, %s): plain %v, want %v", c.format, c.args, ok, c.plain)
			continue
		}
		if !ok {
			continue
		}
		want, err := callFunc(topdown.BuiltinContext{}, opa, operands...)
		if err != nil || want == nil || !got.Equal(want) {
			t.Errorf("sprintf(%s, %s) = %v, OPA's %v (%v)", c.format, c.args, got, want, err)
		}
	}
}

// TestSumOf checks sumOf against OPA's sum, on the terms it adds itself
// and on those it leaves to OPA.
func TestSumOf(t *testing.T) {
	t.Parallel()
	opa := topdown.GetBuiltin("sum")
	for _, c := range []string{
		`[]`, `[95, 5]`, `[95.0, 5]`, `[96.5, 3.5]`, `[-3, 2]`, `[1e2, 1]`,
		`[9223372036854775807, 1]`, `[-9223372036854775808, -1]`, `[33.3, 33.3, 33.4]`,
	} {
		arr := ast.MustParseTerm(c)
		var terms []*ast.Term
		arr.Value.(*ast.Array).Foreach(func(x *ast.Term) { terms = append(terms, x) })
		got, err := sumOf(topdown.BuiltinContext{}, terms)
		want, errOPA := callFunc(topdown.BuiltinContext{}, opa, arr)
		if err != nil || errOPA != nil || got == nil || !got.Equal(want) {
			t.Errorf("sum(%s) = %v (%v), OPA's %v (%v)", c, got, err, want, errOPA)
		}
	}
}
