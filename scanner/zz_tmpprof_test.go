package scanner

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/xiaoer-dev/xiaoer/listings"
	"os"
	"path/filepath"
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

func TestZZDump(t *testing.T) {
	out := os.Getenv("ZZDUMP")
	if out == "" {
		t.Skip()
	}
	var ls []*listings.Listing
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "labelled", "*.yaml"))
	for _, p := range paths {
		set := loadLabelledSet(t, p)
		for i, c := range set.Cases {
			ls = append(ls, c.listings(t, i)...)
		}
	}
	files, _ := filepath.Glob("../fixtures/listings/*")
	f2, _ := filepath.Glob("../fixtures/pages/*.html")
	f3, _ := filepath.Glob(os.Getenv("ZZCORPUS") + "/pages/*.html")
	for _, f := range append(append(files, f2...), f3...) {
		raw, _ := os.ReadFile(f)
		got, err := ParseInput(f, raw)
		if err == nil {
			ls = append(ls, got...)
		}
	}
	ls = append(ls, benchListings...)
	raw, _ := os.ReadFile(os.Getenv("ZZCORPUS") + "/titles/taobao_titles_train.txt")
	lines := strings.Split(string(raw), "\n")
	for i, line := range lines {
		ls = append(ls, &listings.Listing{ID: fmt.Sprint(i), Title: line, Price: listings.Price{Min: 50}})
	}
	for i := 0; i+20 < len(lines); i += 20 {
		ls = append(ls, &listings.Listing{ID: fmt.Sprint("d", i), Title: lines[i], Description: strings.Join(lines[i+1:i+20], "。现货秒发，包邮。"), Price: listings.Price{Min: 50}})
	}
	var sb strings.Builder
	n := 0
	for _, l := range ls {
		found, _, err := checker(t).CheckListing(context.Background(), l)
		if err != nil {
			t.Fatal(err)
		}
		n += len(found)
		j, _ := json.Marshal(found)
		sb.WriteString(l.ID + " " + string(j) + "\n")
	}
	fmt.Println("listings", len(ls), "findings", n)
	os.WriteFile(out, []byte(sb.String()), 0o644)
}
