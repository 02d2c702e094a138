package engine

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

const examplePolicies = "../../fixtures/policies"

// userChecker compiles the embedded pack plus the given user bundles.
func userChecker(t *testing.T, timeout time.Duration, bundles ...*bundle.Bundle) *judge {
	t.Helper()
	c, err := newJudge(Options{Bundles: bundles, Timeout: timeout})
	if err != nil {
		t.Fatalf("checker: %v", err)
	}
	return c
}

func loadDir(t *testing.T, dir string, withTests bool) *bundle.Bundle {
	t.Helper()
	b, err := LoadPolicyDir(dir, withTests)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writePolicy writes one module into a fresh directory and returns both.
func writePolicy(t *testing.T, name, src string) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func rulesOf(found []finding.Finding) map[string][]string {
	out := map[string][]string{}
	for _, f := range found {
		out[f.Rule] = append(out[f.Rule], f.Evidence)
	}
	return out
}

func TestExamplePolicyAddsRuleBesideEmbeddedPack(t *testing.T) {
	t.Parallel()
	c := userChecker(t, 0, loadDir(t, examplePolicies, false))
	l := &listings.Listing{ID: "SKU-7", Source: "shoes.yaml", Title: "耐克同款 国家级工艺 缓震跑鞋", Subtitle: "李宁配色",
		Attributes: []listings.Attribute{{Name: "品牌", Value: "李宁"}}, Price: listings.Price{Min: 299}}
	found, _, err := c.CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	got := rulesOf(found)
	if strings.Join(got["competitor-brand"], ",") != "耐克" {
		t.Errorf("competitor-brand evidence = %q, want [耐克] (李宁 is the listing's own brand)", got["competitor-brand"])
	}
	if len(got["ad-absolute"]) == 0 {
		t.Error("embedded ad-absolute stopped firing beside the user policy")
	}
	var meta *finding.RuleMeta
	for _, m := range c.Engine.Rules() {
		if m.ID == "competitor-brand" {
			meta = &m
		}
	}
	if meta == nil || meta.Severity != "error" || meta.Basis.Confirmed {
		t.Errorf("catalogue entry = %+v, want competitor-brand, error, basis unconfirmed", meta)
	}
}

func TestPolicyDirLeavesTestsOutOfScans(t *testing.T) {
	t.Parallel()
	count := func(b *bundle.Bundle) (tests int) {
		for _, m := range b.Modules {
			if strings.HasSuffix(m.Path, "_test.rego") {
				tests++
			}
		}
		return tests
	}
	if n := count(loadDir(t, examplePolicies, false)); n != 0 {
		t.Errorf("%d test modules loaded for a scan", n)
	}
	if n := count(loadDir(t, examplePolicies, true)); n == 0 {
		t.Error("no test modules loaded for policy test")
	}
}

// lineOf is the 1-based line of the first occurrence of s in file.
func lineOf(t *testing.T, file, s string) int {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(raw), s)
	if i < 0 {
		t.Fatalf("%s not in %s", s, file)
	}
	return strings.Count(string(raw[:i]), "\n") + 1
}

func TestHTTPSendPolicyIsRefusedWithFileAndLine(t *testing.T) {
	t.Parallel()
	file := filepath.Join("testdata", "policies", "network", "phone_home.rego")
	_, err := LoadPolicyDir(filepath.Dir(file), false)
	if err == nil {
		t.Fatal("a policy calling http.send loaded")
	}
	want := file + ":" + strconv.Itoa(lineOf(t, file, "http.send")) + ": http.send is not allowed"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v\nwant it to contain %q", err, want)
	}
}

func TestDeniedBuiltinsAreRefused(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"http.send":              `x := http.send({"method": "GET", "url": "https://example.com"})`,
		"net.lookup_ip_addr":     `x := net.lookup_ip_addr("example.com")`,
		"net.cidr_expand":        `x := net.cidr_expand("10.0.0.0/8")`,
		"opa.runtime":            `x := opa.runtime().env`,
		"time.now_ns":            `x := time.now_ns()`,
		"json.verify_schema":     `x := json.verify_schema({"$ref": "file:///etc/passwd"})`,
		"json.match_schema":      `x := json.match_schema({}, {"$ref": "file:///dev/zero"})`,
		"io.jwt.decode_verify":   `x := io.jwt.decode_verify("a.b.c", {"cert": "k"})`,
		"io.jwt.encode_sign":     `x := io.jwt.encode_sign({"alg": "HS256"}, {}, {"kty": "oct", "k": "a"})`,
		"io.jwt.encode_sign_raw": `x := io.jwt.encode_sign_raw("{}", "{}", "{}")`,
		"rand.intn":              `x := rand.intn("seed", 10)`,
		"uuid.rfc4122":           `x := uuid.rfc4122("seed")`,
		"json.match_schema in a function": `f(x) := r if {
	r := json.match_schema(x, {"$ref": "https://example.com/s.json"})
}`,
		"http.send as statement": `x if {
	http.send({"method": "GET", "url": "https://example.com"}, resp)
	resp.status_code == 200
}`,
	}
	for name, rule := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			builtin, _, _ := strings.Cut(name, " ")
			dir, path := writePolicy(t, "p.rego", "package acme.helpers\n\n"+rule+"\n")
			_, err := LoadPolicyDir(dir, false)
			want := path + ":" + strconv.Itoa(lineOf(t, path, builtin)) + ": " + builtin + " is not allowed"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v, want %q", err, want)
			}
		})
	}
}

// TestSafeCapabilitiesRefuseDeniedBuiltins checks the compiler itself
// refuses them, whatever the pre-check catches.
func TestSafeCapabilitiesRefuseDeniedBuiltins(t *testing.T) {
	t.Parallel()
	caps := SafeCapabilities()
	have := map[string]bool{}
	for _, b := range caps.Builtins {
		have[b.Name] = true
	}
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "net.cidr_expand", "net.cidr_contains", "opa.runtime", "time.now_ns",
		"json.verify_schema", "json.match_schema", "io.jwt.decode_verify", "io.jwt.encode_sign", "io.jwt.encode_sign_raw", "rand.intn", "uuid.rfc4122"} {
		if have[name] {
			t.Errorf("SafeCapabilities keeps %s", name)
		}
	}
	for _, name := range []string{"count", "sprintf", "object.get", "numbers.range", "regex.match",
		"xiaoer.finding", "xiaoer.longest", "xiaoer.matches", "xiaoer.key_at", "xiaoer.fiber_statements"} {
		if !have[name] {
			t.Errorf("SafeCapabilities drops %s, which policies need", name)
		}
	}
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %v, want an empty list (no host)", caps.AllowNet)
	}
	for _, call := range []string{`http.send({"method": "GET", "url": "https://example.com"})`, `net.lookup_ip_addr("example.com")`, `opa.runtime()`} {
		src := "package probe\n\nx := " + call + "\n"
		_, err := rego.New(rego.Query("data.probe.x"), rego.Module("probe.rego", src), rego.Capabilities(caps)).PrepareForEval(context.Background())
		if err == nil {
			t.Errorf("the compiler accepted %s under SafeCapabilities", call)
		}
	}
}

func TestUserModulesStayOutOfReservedPackages(t *testing.T) {
	t.Parallel()
	for _, pkg := range []string{"xiaoer.main", "xiaoer.lib", "xiaoer", "tables.ad_absolute"} {
		dir, path := writePolicy(t, "p.rego", "package "+pkg+"\n\nx := 1\n")
		_, err := LoadPolicyDir(dir, false)
		if err == nil || !strings.Contains(err.Error(), path+":1: package "+pkg+" is reserved") {
			t.Errorf("package %s: error = %v", pkg, err)
		}
	}
	dir, path := writePolicy(t, "p.rego", "package xiaoer.rules.ad_absolute\n\nextra := 1\n")
	_, err := New(context.Background(), Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}})
	if err == nil || !strings.Contains(err.Error(), path+":1: package xiaoer.rules.ad_absolute belongs to the embedded rule") {
		t.Errorf("extending an embedded rule: error = %v", err)
	}
}

func TestUserRuleCannotReuseAnEmbeddedID(t *testing.T) {
	t.Parallel()
	src := `package xiaoer.rules.my_absolute

meta := {"id": "ad-absolute", "title": "copy", "severity": "error", "kinds": ["listing"],
	"description": "", "basis": {"law": "x", "confirmed": false}, "suggestion": "", "exposure": {}}
`
	dir, _ := writePolicy(t, "p.rego", src)
	_, err := New(context.Background(), Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}})
	if err == nil || !strings.Contains(err.Error(), `rule id "ad-absolute" is defined twice`) {
		t.Errorf("error = %v", err)
	}
}

func TestUserPolicyErrorsNameFileAndLine(t *testing.T) {
	t.Parallel()
	dir, path := writePolicy(t, "broken.rego", "package acme.helpers\n\nx := {\n")
	_, err := LoadPolicyDir(dir, false)
	if err == nil || !strings.Contains(err.Error(), path+":") {
		t.Errorf("parse error = %v, want it to name %s", err, path)
	}
	dir, path = writePolicy(t, "undefined.rego", "package acme.helpers\n\nx := no_such_function(1)\n")
	_, err = New(context.Background(), Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}})
	if err == nil || !strings.Contains(err.Error(), path+":3") {
		t.Errorf("compile error = %v, want it to name %s:3", err, path)
	}
}

func TestDataFileExtendsEmbeddedTable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "words.yaml")
	yaml := "tables:\n  ad_absolute:\n    words:\n      顶级:\n        category: 最\n        suggestion: 写具体指标\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := LoadDataFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := userChecker(t, 0, b)
	l := &listings.Listing{ID: "1", Source: "a.yaml", Title: "顶级面料 国家级工艺"}
	found, _, err := c.CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(rulesOf(found)["ad-absolute"], ",")
	if got != "顶级,国家级" {
		t.Errorf("ad-absolute evidence = %q, want 顶级 (user data) and 国家级 (embedded table kept)", got)
	}
}

func TestDataUnderXiaoerIsRefused(t *testing.T) {
	t.Parallel()
	dir, path := writePolicy(t, "data.json", `{"xiaoer": {"main": {"findings": []}}}`)
	if _, err := LoadPolicyDir(dir, false); err == nil || !strings.Contains(err.Error(), path+": data.xiaoer is reserved") {
		t.Errorf("error = %v", err)
	}
}

func TestPolicyDirDataGoesUnderItsDirectory(t *testing.T) {
	t.Parallel()
	b := loadDir(t, examplePolicies, false)
	rule, _ := b.Data["competitor_brand"].(map[string]any)
	brands, _ := rule["brands"].(map[string]any)
	if _, ok := brands["耐克"]; !ok {
		t.Errorf("competitor_brand/data.json not at data.competitor_brand: %v", b.Data)
	}
}

// TestEveryNondeterministicBuiltinIsDenied: whatever OPA adds later, a
// builtin that reads outside its arguments is refused.
func TestEveryNondeterministicBuiltinIsDenied(t *testing.T) {
	t.Parallel()
	n := 0
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if !b.Nondeterministic {
			continue
		}
		n++
		if _, denied := DeniedBuiltin(b.Name); !denied {
			t.Errorf("%s is non-deterministic but allowed", b.Name)
		}
	}
	if n == 0 {
		t.Fatal("OPA lists no non-deterministic builtin: the capabilities changed shape")
	}
}

// TestDataOfTheWrongTypeIsRefused: data that would replace an embedded
// table with another type is refused at load, naming the file and table.
func TestDataOfTheWrongTypeIsRefused(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		`{"tables": {"ad_absolute": null}}`:           "data tables.ad_absolute: the embedded table is an object, the user data gives null",
		`{"tables": {"ad_absolute": []}}`:             "data tables.ad_absolute: the embedded table is an object, the user data gives an array",
		`{"tables": {"ad_absolute": {"words": "x"}}}`: "data tables.ad_absolute.words: the embedded table is an object, the user data gives a string",
		`{"tables": "off"}`:                           "data tables: the embedded table is an object, the user data gives a string",
	}
	for data, want := range cases {
		path := filepath.Join(t.TempDir(), "data.json")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadDataFile(path)
		if err == nil || !strings.Contains(err.Error(), path+": "+want) {
			t.Errorf("%s: error = %v, want %q", data, err, want)
		}
	}
	path := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(path, []byte(`{"tables": {"acme": {"words": "x"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDataFile(path); err != nil {
		t.Errorf("a table of the user's own: %v", err)
	}
}
