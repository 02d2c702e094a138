package listings

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// attributesField reads attributes as a mapping (品牌: X), a list of
// {name, value}, a list of one-pair mappings (- 品牌: X) or a list of
// "name: value" texts. Positions gets "attributes" (the list) and
// "attributes.N" (where entry N's name starts).
func (fp *fieldParser) attributesField(key string, v *yaml.Node) error {
	fp.mark(key, v)
	switch v.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			if err := fp.attributePair(key, v.Content[i], resolve(v.Content[i+1])); err != nil {
				return err
			}
		}
		return nil
	case yaml.SequenceNode:
		for _, item := range v.Content {
			if err := fp.attributeItem(key, resolve(item)); err != nil {
				return err
			}
		}
		return nil
	}
	return invalid(v, key, "want a mapping or a list of attributes")
}

// attributeItem reads one list entry.
func (fp *fieldParser) attributeItem(key string, item *yaml.Node) error {
	field := fmt.Sprintf("%s.%d", key, len(fp.l.Attributes))
	switch item.Kind {
	case yaml.ScalarNode:
		a, ok := SplitAttribute(item.Value)
		if !ok {
			return invalid(item, field, `want "name: value"`)
		}
		fp.addAttribute(field, item, a)
		return nil
	case yaml.MappingNode:
		if len(item.Content) == 2 && item.Content[0].Value != "name" && item.Content[0].Value != "value" {
			return fp.attributePair(key, item.Content[0], resolve(item.Content[1]))
		}
		return fp.attributeObject(field, item)
	}
	return invalid(item, field, `want "name: value" or {name, value}`)
}

// attributeObject reads {name: ..., value: ...}.
func (fp *fieldParser) attributeObject(field string, m *yaml.Node) error {
	var a Attribute
	at := m
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		if v.Kind != yaml.ScalarNode {
			return invalid(v, field+"."+k.Value, "want text")
		}
		switch k.Value {
		case "name":
			a.Name, at = strings.TrimSpace(v.Value), v
		case "value":
			a.Value = strings.TrimSpace(v.Value)
		default:
			return &FieldError{Field: field + "." + k.Value, Line: k.Line, Column: k.Column,
				Err: ErrUnknownKey, Detail: "known keys: name, value"}
		}
	}
	if a.Name == "" {
		return invalid(m, field, "attribute without a name")
	}
	fp.addAttribute(field, at, a)
	return nil
}

// attributePair reads one "name: value" mapping pair.
func (fp *fieldParser) attributePair(key string, k, v *yaml.Node) error {
	field := fmt.Sprintf("%s.%d", key, len(fp.l.Attributes))
	if v.Kind != yaml.ScalarNode {
		return invalid(v, field, "want text")
	}
	fp.addAttribute(field, k, Attribute{Name: strings.TrimSpace(k.Value), Value: strings.TrimSpace(v.Value)})
	return nil
}

// addAttribute appends an attribute and records where its name starts.
func (fp *fieldParser) addAttribute(field string, at *yaml.Node, a Attribute) {
	fp.mark(field, at)
	fp.l.Attributes = append(fp.l.Attributes, a)
}

// ignoreField reads a list of {rule, reason}.
func (fp *fieldParser) ignoreField(key string, v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return invalid(v, key, "want a list of {rule, reason}")
	}
	for i, item := range v.Content {
		item = resolve(item)
		field := fmt.Sprintf("%s.%d", key, i)
		if item.Kind != yaml.MappingNode {
			return invalid(item, field, "want {rule, reason}")
		}
		ig, err := fp.ignoreEntry(field, item)
		if err != nil {
			return err
		}
		fp.l.Ignores = append(fp.l.Ignores, ig)
	}
	return nil
}

// ignoreEntry reads one {rule, reason}; its position is the rule's.
func (fp *fieldParser) ignoreEntry(field string, m *yaml.Node) (Ignore, error) {
	ig := Ignore{Position: fp.file.position(m)}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		if v.Kind != yaml.ScalarNode {
			return ig, invalid(v, field+"."+k.Value, "want text")
		}
		switch k.Value {
		case "rule":
			ig.Rule, ig.Position = strings.TrimSpace(v.Value), fp.file.position(v)
		case "reason":
			ig.Reason = strings.TrimSpace(v.Value)
		default:
			return ig, &FieldError{Field: field + "." + k.Value, Line: k.Line, Column: k.Column,
				Err: ErrUnknownKey, Detail: "known keys: rule, reason"}
		}
	}
	return ig, nil
}
