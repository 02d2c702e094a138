package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/util"
	"gopkg.in/yaml.v3"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// User policies sit beside the embedded pack. A directory of them needs no
// .manifest: every .rego file is a module (its _test.rego files only for
// `xiaoer policy test`), and every data.json / data.yaml / data.yml is data
// placed at its directory's path, as in an OPA bundle (dir/acme/data.json is
// data.acme). A user rule is a package xiaoer.rules.<name> with the same
// meta/findings contract as the embedded rules, so data.xiaoer.main collects
// its findings. Each module is parsed under its real path, so every error
// (parse, compile, evaluation) names the file and line.

// dataFileNames are the data files a policy directory may hold.
var dataFileNames = map[string]bool{"data.json": true, "data.yaml": true, "data.yml": true}

// LoadPolicyDir reads a directory of user policies and data. Test modules
// are left out unless withTests is set.
func LoadPolicyDir(dir string, withTests bool) (*bundle.Bundle, error) {
	b := &bundle.Bundle{Data: map[string]any{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		case strings.HasSuffix(path, ".rego"):
			if strings.HasSuffix(path, "_test.rego") && !withTests {
				return nil
			}
			return addModule(b, path)
		case dataFileNames[d.Name()]:
			return addDataFile(b, path, dataPath(dir, path))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("policy dir %s: %w", dir, err)
	}
	return b, nil
}

// LoadDataFile reads a JSON or YAML file whose top-level object is merged
// at the root of data (as opa eval -d does).
func LoadDataFile(path string) (*bundle.Bundle, error) {
	b := &bundle.Bundle{Data: map[string]any{}}
	if err := addDataFile(b, path, nil); err != nil {
		return nil, fmt.Errorf("data file: %w", err)
	}
	return b, nil
}

// addModule parses one Rego v1 module and checks it is allowed.
func addModule(b *bundle.Bundle, path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := ast.ParseModuleWithOpts(path, string(raw), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
	if err != nil {
		return err
	}
	if err := checkUserModule(m); err != nil {
		return err
	}
	b.Modules = append(b.Modules, bundle.ModuleFile{URL: path, Path: path, Raw: raw, Parsed: m})
	return nil
}

// dataPath is where a data file's content goes under data: its directory
// relative to the policy directory, one key per path element.
func dataPath(dir, file string) []string {
	rel, err := filepath.Rel(dir, filepath.Dir(file))
	if err != nil || rel == "." {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}

// addDataFile reads a JSON or YAML object and merges it into b.Data at at.
func addDataFile(b *bundle.Bundle, path string, at []string) error {
	obj, err := readDataObject(path)
	if err != nil {
		return err
	}
	for i := len(at) - 1; i >= 0; i-- {
		obj = map[string]any{at[i]: obj}
	}
	for key := range obj {
		if key == "xiaoer" {
			return fmt.Errorf("%s: data.xiaoer is reserved for policies; put data under another key (tables, or your own)", path)
		}
	}
	mergeData(b.Data, obj)
	return nil
}

// readDataObject decodes a JSON or YAML file that must hold an object.
// YAML goes through JSON so numbers take the form OPA's store expects.
func readDataObject(path string) (map[string]any, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" {
		if raw, err = yamlToJSON(raw); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var v any
	if err := util.UnmarshalJSON(raw, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: want an object at the top level", path)
	}
	return obj, nil
}

func yamlToJSON(raw []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// mergeData merges src into dst: objects merge key by key, and any other
// value in src replaces dst's. Later sources win, so user data can tune an
// embedded table (a threshold, a longer word list) without copying it.
func mergeData(dst, src map[string]any) {
	for k, v := range src {
		sub, isObj := v.(map[string]any)
		cur, curObj := dst[k].(map[string]any)
		if isObj && curObj {
			mergeData(cur, sub)
			continue
		}
		dst[k] = copyData(v)
	}
}

// copyData deep-copies objects so merging never writes into a source
// (the embedded bundle's data is shared by every engine).
func copyData(v any) any {
	obj, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(obj))
	for k, x := range obj {
		out[k] = copyData(x)
	}
	return out
}

// withUserPolicies returns the embedded bundle with the user bundles merged
// in, as one bundle. OPA refuses several bundles whose roots overlap, and a
// user rule must live under the embedded bundle's xiaoer root to be
// collected, so user modules join the embedded bundle instead.
func withUserPolicies(embedded *bundle.Bundle, users []*bundle.Bundle) (*bundle.Bundle, error) {
	if len(users) == 0 {
		return embedded, nil
	}
	owned := embeddedRulePackages(embedded)
	merged := *embedded
	merged.Manifest.Roots = &[]string{""} // one bundle owns all of data
	merged.Data = copyData(embedded.Data).(map[string]any)
	merged.Modules = append([]bundle.ModuleFile(nil), embedded.Modules...)
	seen := map[string]bool{}
	for _, m := range embedded.Modules {
		seen[m.Path] = true
	}
	for _, u := range users {
		for _, m := range u.Modules {
			if err := checkNotEmbeddedRule(m, owned); err != nil {
				return nil, err
			}
			if !seen[m.Path] { // the same directory given twice
				seen[m.Path] = true
				merged.Modules = append(merged.Modules, m)
			}
		}
		mergeData(merged.Data, u.Data)
	}
	return &merged, nil
}

// embeddedRulePackages are the rule names under xiaoer.rules that the
// embedded pack defines (test packages count as their rule's).
func embeddedRulePackages(b *bundle.Bundle) map[string]bool {
	out := map[string]bool{}
	for _, m := range b.Modules {
		if segs := packageSegments(m.Parsed); len(segs) >= 3 && segs[0] == "xiaoer" && segs[1] == "rules" {
			out[strings.TrimSuffix(segs[2], "_test")] = true
		}
	}
	return out
}

func checkNotEmbeddedRule(m bundle.ModuleFile, owned map[string]bool) error {
	segs := packageSegments(m.Parsed)
	if len(segs) >= 3 && segs[0] == "xiaoer" && segs[1] == "rules" && owned[strings.TrimSuffix(segs[2], "_test")] {
		return fmt.Errorf("%s: package %s belongs to the embedded rule %s; give your rule its own name",
			location(m.Parsed.Package.Location), strings.Join(segs, "."), segs[2])
	}
	return nil
}

// packageSegments is a module's package path without the leading data.
func packageSegments(m *ast.Module) []string {
	if m == nil || m.Package == nil {
		return nil
	}
	var segs []string
	for _, t := range m.Package.Path[1:] {
		if s, ok := t.Value.(ast.String); ok {
			segs = append(segs, string(s))
		} else {
			segs = append(segs, t.Value.String())
		}
	}
	return segs
}

// checkRuleIDs refuses a catalogue where two packages claim one rule id or
// a rule has no id or an unknown severity: findings would be credited to the
// wrong rule, or never fail a build.
func checkRuleIDs(metas []finding.RuleMeta) error {
	var errs []error
	seen := map[string]bool{}
	for _, m := range metas {
		switch {
		case m.ID == "":
			errs = append(errs, fmt.Errorf("a rule's meta has no id (title %q)", m.Title))
		case seen[m.ID]:
			errs = append(errs, fmt.Errorf("rule id %q is defined twice (a user rule must not reuse an embedded id)", m.ID))
		case finding.SeverityRank(m.Severity) == 0:
			errs = append(errs, fmt.Errorf("rule %s: severity %q, want error, warning or info", m.ID, m.Severity))
		}
		seen[m.ID] = true
	}
	return errors.Join(errs...)
}
