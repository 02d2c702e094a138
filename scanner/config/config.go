// Package config reads .xiaoer.yaml (platform, fail-on, user policies and
// data, registered names, exceptions, ignore-paths) and matches the path
// globs it holds.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	"gopkg.in/yaml.v3"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// FileName is the name `xiaoer scan` looks for in the working directory.
const FileName = ".xiaoer.yaml"

// Config is .xiaoer.yaml: what a team fixes once for its listings repo.
// Command-line flags override it. Relative paths are relative to the file's
// directory; an unknown key is an error naming the key.
type Config struct {
	Platform        string      `yaml:"platform"`         // for listings that do not say
	FailOn          string      `yaml:"fail-on"`          // error | warning | info | never
	Policies        []string    `yaml:"policies"`         // user policy directories
	Data            []string    `yaml:"data"`             // user data files (JSON/YAML)
	RegisteredNames []string    `yaml:"registered-names"` // the shop's registered trademarks and names
	Exceptions      []Exception `yaml:"exceptions"`       // rule waivers, each with a reason
	IgnorePaths     []string    `yaml:"ignore-paths"`     // globs of files never scanned
	// Columns maps shop-export headers to fields (零售价: price), as --columns.
	Columns map[string]string `yaml:"columns"`

	// Dir is the directory the file was read from.
	Dir string `yaml:"-"`
}

// Platforms a listing or --platform may name.
var Platforms = []string{"taobao", "tmall", "jd", "pdd", "douyin", "generic"}

// Load reads and checks a config file.
func Load(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	cfg := &Config{}
	if len(root.Content) > 0 {
		if err := checkKeys(root.Content[0], reflect.TypeOf(*cfg), ""); err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(cfg); err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
	}
	if cfg.Dir, err = filepath.Abs(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

// checkKeys walks a mapping node against the yaml tags of t (a struct) and
// reports the first unknown key with its line and the keys that are known.
func checkKeys(n *yaml.Node, t reflect.Type, at string) error {
	switch {
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i, item := range n.Content {
			if err := checkKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				return fmt.Errorf("line %d: unknown key %q%s (known keys: %s)", k.Line, k.Value, under(at), knownKeyList(fields))
			}
			if err := checkKeys(n.Content[i+1], ft, strings.TrimPrefix(at+"."+k.Value, ".")); err != nil {
				return err
			}
		}
	}
	return nil
}

func under(at string) string {
	if at == "" {
		return ""
	}
	return " in " + at
}

// yamlFields maps a struct's yaml keys to their field types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out[name] = t.Field(i).Type
		}
	}
	return out
}

func knownKeyList(fields map[string]reflect.Type) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// Validate checks values that a typo would otherwise make silently wrong.
func (c *Config) Validate() error {
	var errs []error
	if c.FailOn != "" && c.FailOn != "never" && finding.SeverityRank(c.FailOn) == 0 {
		errs = append(errs, fmt.Errorf("fail-on %q: want error, warning, info or never", c.FailOn))
	}
	if err := CheckPlatform(c.Platform); err != nil {
		errs = append(errs, err)
	}
	for i, e := range c.Exceptions {
		if e.Rule == "" || strings.TrimSpace(e.Reason) == "" {
			errs = append(errs, fmt.Errorf("exceptions[%d]: rule and reason are required (a waiver without a reason cannot be reviewed)", i))
		}
		if err := ValidGlob(e.Path); err != nil {
			errs = append(errs, fmt.Errorf("exceptions[%d].path %q: %w", i, e.Path, err))
		}
	}
	for i, g := range c.IgnorePaths {
		if err := ValidGlob(g); err != nil {
			errs = append(errs, fmt.Errorf("ignore-paths[%d] %q: %w", i, g, err))
		}
	}
	if err := listings.CheckColumnMap(c.Columns); err != nil {
		errs = append(errs, fmt.Errorf("columns: %w", err))
	}
	return errors.Join(errs...)
}

// CheckPlatform accepts "" (none given) and the known platforms.
func CheckPlatform(p string) error {
	if p == "" || slices.Contains(Platforms, p) {
		return nil
	}
	return fmt.Errorf("platform %q: want one of %s", p, strings.Join(Platforms, ", "))
}

// Resolve makes a path from the config relative to the working directory.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// NamesData is the config's data for policies, as a bundle merged beside
// user data: data.config.registered_names maps each registered name,
// normalised as tokens are (half-width, simplified, lower case), to the name
// as written, so a rule can look a token or phrase up by key. Nil when the
// config names none.
func (c *Config) NamesData() *bundle.Bundle {
	if len(c.RegisteredNames) == 0 {
		return nil
	}
	names := map[string]any{}
	for _, n := range c.RegisteredNames {
		if n = strings.TrimSpace(n); n != "" {
			names[facts.Normalize(n)] = n
		}
	}
	return &bundle.Bundle{Data: map[string]any{"config": map[string]any{"registered_names": names}}}
}
