package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	path := writeConfig(t, `platform: tmall
fail-on: warning
policies: [policies/acme]
data: [data/brands.yaml]
registered-names: [最好牌, "ＳＵＰＲＥＭＥ"]
exceptions:
  - rule: ad-absolute
    path: listings/legacy/**
    reason: 旧款下架中，2026-12-31 前删除
ignore-paths: [drafts]
`)
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Platform != "tmall" || cfg.FailOn != "warning" || len(cfg.Exceptions) != 1 || cfg.IgnorePaths[0] != "drafts" {
		t.Errorf("config = %+v", cfg)
	}
	if got := cfg.Resolve(cfg.Policies[0]); got != filepath.Join(filepath.Dir(path), "policies", "acme") {
		t.Errorf("policy dir resolves to %s, want it beside the config file", got)
	}
	names := cfg.NamesData().Data["config"].(map[string]any)["registered_names"].(map[string]any)
	if names["最好牌"] != "最好牌" || names["supreme"] != "ＳＵＰＲＥＭＥ" {
		t.Errorf("registered names = %v, want keys normalised like tokens", names)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct{ text, want string }{
		"unknown key":           {"platfrom: taobao\n", `line 1: unknown key "platfrom" (known keys: columns, data, exceptions, fail-on, ignore-paths, platform, policies, registered-names)`},
		"unknown exception key": {"exceptions:\n  - rule: ad-absolute\n    reason: x\n    reson: y\n", `line 4: unknown key "reson" in exceptions[0]`},
		"reasonless exception":  {"exceptions:\n  - rule: ad-absolute\n    path: a.yaml\n", "exceptions[0]: rule and reason are required"},
		"bad fail-on":           {"fail-on: critical\n", `fail-on "critical"`},
		"bad platform":          {"platform: amazon\n", `platform "amazon": want one of`},
		"bad glob":              {"ignore-paths: ['[a-']\n", "ignore-paths[0]"},
		"wrong type":            {"policies: dir\n", "cannot unmarshal"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := writeConfig(t, c.text)
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error = %v\nwant it to name %s and contain %q", err, path, c.want)
			}
		})
	}
}

func TestEmptyConfigIsValid(t *testing.T) {
	t.Parallel()
	cfg, err := Load(writeConfig(t, "# nothing yet\n"))
	if err != nil || cfg.NamesData() != nil {
		t.Errorf("cfg = %+v, err = %v", cfg, err)
	}
}
