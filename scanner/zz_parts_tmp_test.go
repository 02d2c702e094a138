package scanner

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
)

func BenchmarkZZParts(b *testing.B) {
	doc, err := toAST(checker(b).Builder.Build(benchListings[envInt("ZZ_DOC")]))
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range strings.Split(os.Getenv("ZZ_Q"), "§") {
		bundle, _ := policies.Load(policies.FS(), "xiaoer", false)
		pq, err := rego.New(rego.Query(q), rego.ParsedBundle("xiaoer", bundle), rego.SetRegoVersion(ast.RegoV1), rego.StoreReadAST(os.Getenv("ZZ_AST") != "")).PrepareForEval(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(q, func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(doc)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

func envInt(k string) int {
	v := os.Getenv(k)
	if v == "" {
		return 0
	}
	return int(v[0] - '0')
}
