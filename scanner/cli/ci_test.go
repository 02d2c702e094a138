package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

// Listing files as a team keeps them in git.
const (
	teeListing = `id: TEE-001
platform: taobao
title: 国家级工艺 纯棉短袖T恤
price: 79
attributes:
  材质成分: 棉100%
`
	shoeListing = `id: SHOE-002
platform: taobao
title: 全网最低 缓震跑鞋
price: 299
`
	shirtListing = `id: SHIRT-003
platform: tmall
title: 棉麻衬衫 宽松版型
price: 159
`
)

// gitIn runs git in dir with a throwaway identity.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=xiaoer test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeText(t *testing.T, path, text string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(text), 0o644))
}

// openFindings lists rule:evidence of the open findings per source file.
func openFindings(r report.Report) map[string][]string {
	out := map[string][]string{}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			if f.Suppressed == nil {
				out[filepath.Base(res.Source)] = append(out[filepath.Base(res.Source)], f.Rule+":"+f.Evidence)
			}
		}
	}
	return out
}

// TestChangedSinceAndBaselineGate is the CI gate end to end: listings
// committed, a baseline accepted, one listing changed on a branch (lines
// moved, one new problem). --changed-since scans only that file; with the
// baseline the old finding passes and the new one fails the run.
func TestChangedSinceAndBaselineGate(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	repo := t.TempDir()
	gitIn(t, repo, "init", "-q", "-b", "main")
	writeText(t, filepath.Join(repo, "listings", "tee.yaml"), teeListing)
	writeText(t, filepath.Join(repo, "listings", "shoe.yaml"), shoeListing)
	writeText(t, filepath.Join(repo, "listings", "shirt.yaml"), shirtListing)
	_, stderr, code := run(t, bin, repo, "scan", "--write-baseline", ".xiaoer-baseline.json", "listings")
	if code != 0 || !strings.Contains(stderr, "to baseline .xiaoer-baseline.json") {
		t.Fatalf("--write-baseline: exit %d, want 0\nstderr: %s", code, stderr)
	}
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-q", "-m", "listings and baseline")
	gitIn(t, repo, "checkout", "-q", "-b", "update-shoe")
	moved := "# 运营: 双十一改版\n# 审核: 法务\n" + strings.Replace(shoeListing, "price: 299\n", "price: 299\nsubtitle: 最佳缓震\n", 1)
	writeText(t, filepath.Join(repo, "listings", "shoe.yaml"), moved)

	stdout, stderr, code := run(t, bin, repo, "scan", "-f", "json", "--changed-since", "main", "listings")
	rep := decodeReport(t, stdout)
	if len(rep.Results) != 1 || filepath.Base(rep.Results[0].Source) != "shoe.yaml" {
		t.Fatalf("--changed-since main scanned %d results (%v), want shoe.yaml only\nstderr: %s", len(rep.Results), openFindings(rep), stderr)
	}
	if code != 1 {
		t.Errorf("without the baseline: exit %d, want 1", code)
	}

	stdout, _, code = run(t, bin, repo, "scan", "-f", "json", "--changed-since", "main", "--baseline", ".xiaoer-baseline.json", "listings")
	rep = decodeReport(t, stdout)
	got := openFindings(rep)["shoe.yaml"]
	if code != 1 || strings.Join(got, " ") != "ad-absolute:最佳" {
		t.Errorf("with the baseline: exit %d, open %v; want 1 and only the new ad-absolute:最佳", code, got)
	}
	if rep.Summary.Suppressed != 1 {
		t.Errorf("suppressed = %d, want the moved title's 全网最低 counted", rep.Summary.Suppressed)
	}

	writeText(t, filepath.Join(repo, "listings", "shoe.yaml"), "# 运营: 双十一改版\n"+shoeListing)
	_, stderr, code = run(t, bin, repo, "scan", "--changed-since", "main", "--baseline", ".xiaoer-baseline.json", "listings")
	if code != 0 {
		t.Errorf("moved lines only: exit %d, want 0 (a moved line must not reopen a finding)\nstderr: %s", code, stderr)
	}
}

// TestUserPolicyFindingsInEveryFormat: the example policy's rule shows up
// in every report format, and SARIF from a real scan validates.
func TestUserPolicyFindingsInEveryFormat(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writeText(t, filepath.Join(dir, "listings", "shoe.yaml"), "id: SHOE-009\ntitle: 耐克同款 缓震跑鞋\nprice: 199\n")
	policy := filepath.Join(fixturesDir(t), "policies")
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := run(t, bin, dir, "scan", "--no-color", "-f", format, "--policy", policy, "listings")
			if code != 1 || !strings.Contains(stdout, "competitor-brand") || !strings.Contains(stdout, "耐克") {
				t.Errorf("exit %d; output lacks competitor-brand 耐克:\n%s\nstderr: %s", code, stdout, stderr)
			}
			if format == "sarif" {
				validateSARIF(t, stdout)
			}
		})
	}
}

func validateSARIF(t *testing.T, out string) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "report", "testdata", "sarif-schema-2.1.0.json"))
	must(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	must(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	must(t, c.AddResource("sarif.json", doc))
	schema, err := c.Compile("sarif.json")
	must(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(out)))
	must(t, err)
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF from a real scan does not validate: %v", err)
	}
}

func TestNetworkPolicyIsRefused(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writeText(t, filepath.Join(dir, "a.yaml"), shoeListing)
	policy, err := filepath.Abs(filepath.Join("..", "engine", "testdata", "policies", "network"))
	must(t, err)
	_, stderr, code := run(t, bin, dir, "scan", "--policy", policy, "a.yaml")
	file := filepath.Join(policy, "phone_home.rego")
	raw, err := os.ReadFile(file)
	must(t, err)
	line := strings.Count(string(raw[:bytes.Index(raw, []byte("http.send"))]), "\n") + 1
	want := file + ":" + strconv.Itoa(line) + ": http.send is not allowed in policies: it reaches the network"
	if code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant 2 and %q", code, stderr, want)
	}
}

// TestRunawayPolicyTimesOutAlone: with a short --eval-timeout, the listing
// that sends the runaway rule spinning fails with the time limit, the
// others are scanned, and the run exits 2 (an input could not be scanned).
func TestRunawayPolicyTimesOutAlone(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writeText(t, filepath.Join(dir, "in", "a.yaml"), teeListing)
	writeText(t, filepath.Join(dir, "in", "b.yaml"), "id: loop\ntitle: 国家级工艺\n")
	writeText(t, filepath.Join(dir, "in", "c.yaml"), shoeListing)
	policy, err := filepath.Abs(filepath.Join("..", "engine", "testdata", "policies", "runaway"))
	must(t, err)
	stdout, stderr, code := run(t, bin, dir, "scan", "-f", "json", "--eval-timeout", "300ms", "--policy", policy, "in")
	if code != 2 {
		t.Errorf("exit %d, want 2\nstderr: %s", code, stderr)
	}
	rep := decodeReport(t, stdout)
	for _, r := range rep.Results {
		name := filepath.Base(r.Source)
		switch {
		case name == "b.yaml" && (r.Error == nil || !strings.Contains(*r.Error, engine.ErrEvalTimeout.Error()+" (300ms)")):
			t.Errorf("b.yaml: error %v, want the 300ms time limit", r.Error)
		case name != "b.yaml" && (r.Error != nil || len(r.Findings) == 0):
			t.Errorf("%s: error %v, %d findings; want it scanned", name, r.Error, len(r.Findings))
		}
	}
}

// TestConfigFileDrivesTheGate: .xiaoer.yaml's exceptions waive with their
// reason, its fail-on applies, flags override it, and an unknown key is an
// error naming the key.
func TestConfigFileDrivesTheGate(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	writeText(t, filepath.Join(dir, "listings", "tee.yaml"), teeListing)
	writeText(t, filepath.Join(dir, "listings", "shoe.yaml"), shoeListing)
	writeText(t, filepath.Join(dir, "drafts", "x.yaml"), "title: 最佳草稿\n")
	writeText(t, filepath.Join(dir, ".xiaoer.yaml"), `fail-on: error
exceptions:
  - rule: ad-absolute
    path: listings/tee.yaml
    reason: 「国家级」是非遗证书原文，证书编号见详情页
ignore-paths: [drafts]
`)
	stdout, stderr, code := run(t, bin, dir, "scan", "-f", "json", ".")
	rep := decodeReport(t, stdout)
	if len(rep.Results) != 2 {
		t.Errorf("%d results, want 2 (drafts ignored)", len(rep.Results))
	}
	open := openFindings(rep)
	if len(open["tee.yaml"]) != 0 || len(open["shoe.yaml"]) == 0 || code != 1 {
		t.Errorf("exit %d, open %v; want tee.yaml waived by config, shoe.yaml open\nstderr: %s", code, open, stderr)
	}
	_, _, code = run(t, bin, dir, "scan", "--fail-on", "never", ".")
	if code != 0 {
		t.Errorf("--fail-on never over the config: exit %d, want 0", code)
	}

	writeText(t, filepath.Join(dir, ".xiaoer.yaml"), "fail-on: error\nfail_on: warning\n")
	_, stderr, code = run(t, bin, dir, "scan", ".")
	if code != 2 || !strings.Contains(stderr, `line 2: unknown key "fail_on"`) {
		t.Errorf("unknown key: exit %d, stderr %s", code, stderr)
	}
}

func TestPolicyTestCommand(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	policy := filepath.Join(fixturesDir(t), "policies")
	stdout, stderr, code := run(t, bin, dir, "policy", "test", "--coverage", "--threshold", "100", "--run", "competitor_brand", policy)
	if code != 0 || !strings.Contains(stdout, "4/4 tests passed") || !strings.Contains(stdout, "coverage 100.0%") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	// One test alone leaves the rule's body uncovered.
	stdout, stderr, code = run(t, bin, dir, "policy", "test", "--threshold", "100", "--run", "test_other_words_pass", policy)
	if code != 1 || !strings.Contains(stderr, "below the threshold") {
		t.Errorf("partial coverage: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "not covered: ") {
		t.Errorf("uncovered lines not listed:\n%s", stdout)
	}
	// Without DIR, the config's policies are tested.
	writeText(t, filepath.Join(dir, ".xiaoer.yaml"), "policies: ["+strconv.Quote(policy)+"]\n")
	stdout, stderr, code = run(t, bin, dir, "policy", "test", "--run", "competitor_brand")
	if code != 0 || !strings.Contains(stdout, "4/4 tests passed") {
		t.Errorf("the config's policies: exit %d\n%s%s", code, stdout, stderr)
	}
}
