package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/policies"
)

func zzVariant(t *testing.T, file, src string) rego.PreparedEvalQuery {
	emb, _ := policies.Embedded()
	b := *emb
	b.Modules = nil
	for _, m := range emb.Modules {
		if file != "" && strings.HasSuffix(m.Path, file) {
			p, err := ast.ParseModuleWithOpts(m.Path, src, ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
			if err != nil {
				t.Fatal(err)
			}
			m = bundle.ModuleFile{URL: m.URL, Path: m.Path, Raw: []byte(src), Parsed: p}
		}
		b.Modules = append(b.Modules, m)
	}
	pq, err := prepare(context.Background(), "data.xiaoer.main.findings", withBundle(&b, SafeCapabilities()))
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

func TestZZExp(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: "/tmp/i17o/v3k.csv", Kind: shipments.InputOrdersCSV}}, shipments.Options{Now: now})
	var ins []ast.Value
	for it := range src.Items(ctx) {
		in, err := e.Input(it.Doc)
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, in)
	}
	variants := map[string]rego.PreparedEvalQuery{"base": e.findings}
	variants["old"] = preparedWithModules(t, "testdata/shipping-396b120", map[string]string{
		"lib/shipping.rego":                      "lib_shipping.rego",
		"rules/shipping_fake/shipping_fake.rego": "shipping_fake.rego",
		"rules/shipping_late/shipping_late.rego": "shipping_late.rego",
	})
	for _, name := range strings.Fields(os.Getenv("ZZV")) {
		if name == "old" {
			continue
		}
		b, err := os.ReadFile("/tmp/i17o/v_" + name + ".rego")
		if err != nil {
			t.Fatal(err)
		}
		file := strings.SplitN(string(b), "\n", 2)[0][2:]
		variants[name] = zzVariant(t, file, string(b))
	}
	best := map[string]float64{}
	for round := 0; round < 5; round++ {
		for _, name := range append([]string{"base"}, strings.Fields(os.Getenv("ZZV"))...) {
			for _, only := range zzOnly() {
				pq := variants[name]
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				st := cpuNow()
				for _, in := range ins {
					v := in
					if only != "" {
						v = withItems(in.(ast.Object), ast.Item(keyRules, ast.ArrayTerm(ast.StringTerm(only))))
						if only == "-" {
							v = withItems(in.(ast.Object), ast.Item(keyRules, ast.ArrayTerm()))
						}
					}
					var raw json.RawMessage
					if err := evalInto(ctx, pq, &raw, append(zzOpts(), rego.EvalParsedInput(v))...); err != nil {
						t.Fatal(err)
					}
				}
				el := cpuNow() - st
				runtime.ReadMemStats(&m1)
				us := float64(el.Microseconds()) / float64(len(ins))
				k := name + " " + only
				if b, ok := best[k]; !ok || us < b {
					best[k] = us
				}
				if round == 4 {
					fmt.Printf("TIMING %-10s %-14q min %.1f us/order %6.0f allocs %7.0f B\n", name, only, best[k], float64(m1.Mallocs-m0.Mallocs)/float64(len(ins)), float64(m1.TotalAlloc-m0.TotalAlloc)/float64(len(ins)))
				}
			}
		}
	}
}

func cpuNow() time.Duration {
	if os.Getenv("ZZWALL") != "" {
		return time.Duration(time.Now().UnixNano())
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func zzOpts() []rego.EvalOption {
	switch os.Getenv("ZZO") {
	case "noindex":
		return []rego.EvalOption{rego.EvalRuleIndexing(false)}
	case "noearly":
		return []rego.EvalOption{rego.EvalEarlyExit(false)}
	}
	return nil
}

func zzOnly() []string {
	if v := os.Getenv("ZZONLY"); v != "" {
		return strings.Split(v, ",")
	}
	return []string{"shipping_fake", "shipping_late", "", "-"}
}
