package listings

import (
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// keyKind says what a selKey looks up in the domIndex.
type keyKind uint8

const (
	keyNone        keyKind = iota // nothing the index knows: any element
	keyID                         // #value
	keyClass                      // .value
	keyTag                        // value, a tag name
	keyClassPrefix                // [class^="value"] or [class*=" value"]: a class name starting with value
	keyIDPrefix                   // [id^="value"]
)

// selKey is a condition every element matching a compound selector meets.
type selKey struct {
	kind  keyKind
	value string
}

// selPlan is how page.find answers one selector: the compiled matcher
// and its alternatives (between commas). walk is set when some
// alternative's last compound has no key: then the whole document is
// matched.
type selPlan struct {
	matcher goquery.Matcher // nil: the selector does not compile
	alts    []selAlt
	walk    bool
}

// selAlt is one alternative: a key per compound, left to right; nested
// when each compound is an ancestor of the next (descendant and child
// combinators only, no sibling ones).
type selAlt struct {
	keys   []selKey
	nested bool
}

// plans holds each selector's plan; extractors use a few dozen fixed
// selectors (a few are built from meta names), so it stays small.
var plans sync.Map // string → *selPlan

// planFor returns the plan of a selector, made once.
func planFor(selector string) *selPlan {
	if pl, ok := plans.Load(selector); ok {
		return pl.(*selPlan)
	}
	pl := makePlan(selector)
	plans.Store(selector, pl)
	return pl
}

func makePlan(selector string) *selPlan {
	m, err := cascadia.Compile(selector)
	if err != nil {
		return &selPlan{walk: true}
	}
	pl := &selPlan{matcher: m}
	alts, ok := splitOutside(selector, ",")
	if !ok {
		pl.walk = true
		return pl
	}
	for _, alt := range alts {
		compounds, ok := splitOutside(alt, " \t\n\r\f>+~")
		if !ok || len(compounds) == 0 {
			pl.walk = true
			return pl
		}
		keys := make([]selKey, len(compounds))
		for i, c := range compounds {
			keys[i] = compoundKey(c)
		}
		if keys[len(keys)-1].kind == keyNone {
			pl.walk = true
			return pl
		}
		siblings, _ := splitOutside(alt, "+~")
		pl.alts = append(pl.alts, selAlt{keys: keys, nested: len(siblings) == 1})
	}
	return pl
}

// splitOutside cuts s at any of the separator bytes that stand outside
// brackets, parentheses and quotes, dropping empty parts. It reports false
// on a backslash escape or unbalanced brackets, which the plan leaves to
// the full walk.
func splitOutside(s, seps string) ([]string, bool) {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			return nil, false
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case depth == 0 && strings.IndexByte(seps, c) >= 0:
			if part := strings.TrimSpace(s[start:i]); part != "" {
				parts = append(parts, part)
			}
			start = i + 1
		}
		if depth < 0 {
			return nil, false
		}
	}
	if depth != 0 || quote != 0 {
		return nil, false
	}
	if part := strings.TrimSpace(s[start:]); part != "" {
		parts = append(parts, part)
	}
	return parts, true
}

// compoundKey picks the most selective key of a compound selector such as
// `ul.attributes-list` or `meta[property="og:url"]`: an id, else a class,
// else a class-name prefix, else the tag. Anything it does not read
// (pseudo-classes, other attributes) only narrows what the key allows.
func compoundKey(c string) selKey {
	var id, class, prefix, idPrefix, tag string
	i := identEnd(c, 0)
	if i > 0 {
		tag = strings.ToLower(c[:i])
	}
	for i < len(c) {
		switch c[i] {
		case '#', '.':
			end := identEnd(c, i+1)
			if end == i+1 {
				return selKey{}
			}
			if c[i] == '#' && id == "" {
				id = c[i+1 : end]
			} else if c[i] == '.' && class == "" {
				class = c[i+1 : end]
			}
			i = end
		case '[':
			end := strings.IndexByte(c[i:], ']')
			if end < 0 {
				return selKey{}
			}
			name, p, ok := attrPrefix(c[i+1 : i+end])
			switch {
			case ok && name == "class" && prefix == "":
				prefix = p
			case ok && name == "id" && idPrefix == "":
				idPrefix = p
			}
			i += end + 1
		case ':':
			return keyOf(id, class, prefix, idPrefix, tag) // pseudo-classes narrow further
		default:
			return selKey{}
		}
	}
	return keyOf(id, class, prefix, idPrefix, tag)
}

func keyOf(id, class, prefix, idPrefix, tag string) selKey {
	switch {
	case id != "":
		return selKey{keyID, id}
	case class != "":
		return selKey{keyClass, class}
	case prefix != "":
		return selKey{keyClassPrefix, prefix}
	case idPrefix != "":
		return selKey{keyIDPrefix, idPrefix}
	case tag != "" && tag != "*":
		return selKey{keyTag, tag}
	}
	return selKey{}
}

// attrPrefix reads `class^="p"`, `class*=" p"` and `id^="p"` (the
// inside of the brackets) and returns the attribute and p: an element
// matching the first two has a class name starting with p, one matching
// the last an id starting with p.
func attrPrefix(attr string) (string, string, bool) {
	for _, op := range []string{"^=", "*="} {
		name, val, ok := strings.Cut(attr, op)
		name = strings.TrimSpace(name)
		if !ok || !(name == "class" || (name == "id" && op == "^=")) {
			continue
		}
		val = strings.TrimSpace(val)
		if len(val) < 2 || (val[0] != '"' && val[0] != '\'') || val[len(val)-1] != val[0] {
			return "", "", false // unquoted, or a flag such as i after the quote
		}
		val = val[1 : len(val)-1]
		if op == "*=" {
			if !strings.HasPrefix(val, " ") {
				return "", "", false
			}
			val = val[1:]
		}
		if val == "" || (name == "class" && strings.ContainsFunc(val, func(r rune) bool { return r < 0x80 && isClassSpace(byte(r)) })) {
			return "", "", false
		}
		return name, val, true
	}
	return "", "", false
}

// identEnd is where the identifier (tag, id or class name) starting at i
// in c ends: letters, digits, '-', '_' and any non-ASCII byte.
func identEnd(c string, i int) int {
	for i < len(c) {
		b := c[i]
		if b >= 0x80 || b == '-' || b == '_' || b == '*' || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z') {
			i++
			continue
		}
		break
	}
	return i
}
