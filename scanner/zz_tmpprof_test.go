package scanner

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
)

func TestZZTmpProf(t *testing.T) {
	if os.Getenv("ZZPROF") == "" {
		t.Skip()
	}
	para := "精选新疆长绒棉，亲肤透气，柔软舒适。采用精梳工艺，不起球不变形。洗涤建议：30℃以下手洗，不可漂白，阴干。" +
		"店铺承诺48小时内发货，支持7天无理由退换。好评如潮，回头客众多。\n"
	desc := strings.Repeat(para, 10<<10/len(para))
	raw := []byte("id: long\nplatform: taobao\ntitle: 纯棉长袖T恤\nprice: 99\nattributes:\n  材质成分: 棉100%\ndescription: |\n  " +
		strings.ReplaceAll(strings.TrimSpace(desc), "\n", "\n  ") + "\n")
	ls, _ := ParseInput("long.yaml", raw)
	doc := checker(t).Builder.Build(ls[0])
	in, _ := toAST(doc)
	ctx := context.Background()
	b, _ := policies.Embedded()
	qs := []string{"data.xiaoer.main.findings", "data.xiaoer.lib.lexicon.runs"}
	for _, m := range b.Modules {
		p := m.Parsed.Package.Path.String()
		if strings.HasPrefix(p, "data.xiaoer.rules.") {
			qs = append(qs, p+".findings")
		}
	}
	for _, q := range qs {
		pq, err := rego.New(rego.Query(q), rego.ParsedBundle("xiaoer", b), rego.Capabilities(SafeCapabilities()), rego.SetRegoVersion(ast.RegoV1)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pq.Eval(ctx, rego.EvalParsedInput(in))
		s := time.Now()
		for range 3 {
			pq.Eval(ctx, rego.EvalParsedInput(in))
		}
		fmt.Printf("%-50s %v\n", q, time.Since(s)/3)
	}
	p := profiler.New()
	pq, _ := rego.New(rego.Query(qs[0]), rego.ParsedBundle("xiaoer", b), rego.Capabilities(SafeCapabilities()), rego.SetRegoVersion(ast.RegoV1)).PrepareForEval(ctx)
	pq.Eval(ctx, rego.EvalParsedInput(in), rego.EvalQueryTracer(p))
	for _, st := range p.ReportTopNResults(25, []string{"total_time_ns"}) {
		fmt.Printf("%8.2fms n=%d %s:%d\n", float64(st.ExprTimeNs)/1e6, st.NumEval, st.Location.File, st.Location.Row)
	}
}
