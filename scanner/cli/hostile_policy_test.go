package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A user policy that would read host files through a schema $ref is
// refused at load, naming the file and line; nothing is scanned.
func TestHostilePolicySchemaRefIsRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for builtin, call := range map[string]string{
		"json.match_schema":  `json.match_schema(input.listing, {"$ref": "file:///etc/passwd"})`,
		"json.verify_schema": `json.verify_schema({"$ref": "file:///dev/zero"})`,
	} {
		policy := write(t, filepath.Join(dir, builtin, "leak.rego"), "package acme.leak\n\nleak := "+call+"\n")
		r := runHostile(t, dir, "scan", "--policy", filepath.Dir(policy), write(t, filepath.Join(dir, "good.yaml"), goodListing))
		if r.code != 2 {
			t.Errorf("%s: exit %d, want 2", builtin, r.code)
		}
		requireContains(t, builtin, r.stderr, policy+":3: "+builtin+" is not allowed in policies")
		if strings.Contains(r.stdout+r.stderr, "root:") {
			t.Errorf("%s: host file bytes in the output", builtin)
		}
	}
}

// hogMaxRSS bounds the memory hog's run. The memory budget (128 MiB)
// counts from the heap the watch first sees, which may already hold as
// much garbage as a listing scan's collector lets pile up (its floor is
// 150 MiB, about 90 MiB above the engine), and the hog's array may double
// once more before OPA sees the cancellation: about 250 MB (a plain run)
// + 128 + 90 + 64. It peaked at 442-515 MB over 14 runs, three CPU
// burners beside 6 of them, where 500 MB was the bound; unbounded it takes
// gigabytes.
const hogMaxRSS = 600 << 20

// A user rule that builds gigabytes for one listing costs that listing an
// error finding of the rule; its embedded findings and the rest of the
// batch stand, peak memory stays under the bound, and the run exits 2.
func TestHostilePolicyMemoryHog(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hog := write(t, filepath.Join(dir, "in", "hog.yaml"), "id: hog\ntitle: 国家级纯棉T恤\n")
	policy, err := filepath.Abs(filepath.Join("..", "engine", "testdata", "policies", "memory"))
	must(t, err)
	// No time limit that could come first: only the memory budget may stop it.
	rep := scanBounded(t, dir, hogMaxRSS, []string{"--policy", policy, "--eval-timeout", "90s"}, hog)
	seen := false
	for _, res := range rep.Results {
		if res.ID != "hog" {
			continue
		}
		seen = true
		if res.Error != nil || !timedOut(res.Findings, "memory-hog", "memory budget") || !hasRule(res.Findings, "ad-absolute") {
			t.Errorf("hog: error %v, findings %+v; want ad-absolute and memory-hog's budget error", res.Error, res.Findings)
		}
	}
	if !seen || len(rep.Results) != 2 {
		t.Errorf("results %+v, want the good listing and hog", rep.Results)
	}
}

// --data that would switch a rule off by replacing its table with null is
// refused at load, naming the table.
func TestHostileDataReplacingATable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := write(t, filepath.Join(dir, "off.json"), `{"tables": {"ad_absolute": null}}`)
	r := runHostile(t, dir, "scan", "--data", data, write(t, filepath.Join(dir, "good.yaml"), goodListing))
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	requireContains(t, "--data", r.stderr, data+": data tables.ad_absolute: the embedded table is an object, the user data gives null")
}

// User rules that hijack an embedded id, preset a suppression or fail are
// each an error finding of their own rule; SARIF shows no suppression.
func TestHostileUserRulesInSARIF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	policy, err := filepath.Abs(filepath.Join("..", "engine", "testdata", "policies", "hostile"))
	must(t, err)
	l := write(t, filepath.Join(dir, "hostile.yaml"), "id: hostile\ntitle: 全网最好的纯棉T恤\n")
	r := runHostile(t, dir, "scan", "-f", "sarif", "--policy", policy, l)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, `"suppressions"`) {
		t.Error("SARIF shows a suppression a user rule preset")
	}
	for _, rule := range []string{"hostile-hijack", "hostile-suppress", "hostile-fails", "ad-absolute", "hostile-honest"} {
		requireContains(t, "SARIF", r.stdout, `"ruleId": "`+rule+`"`)
	}
	raw, err := os.ReadFile(l)
	must(t, err)
	if !strings.Contains(string(raw), "全网最好") {
		t.Fatal("fixture changed")
	}
}
