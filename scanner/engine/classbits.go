package engine

import (
	"sort"
	"strings"
)

// A table's word classes are bits of a uint64 for the gate:
// a listing's pattern words are gathered, and a pattern's class parts
// asked, as a bitwise or and a bitwise and, where sets of class names
// cost a map read per word and per part, for every title with a head. A
// table has a few dozen classes; past the 64th they share the last bit,
// which can only let more listings through.

// indexClassBits gives each class of the table's pattern words and
// patterns its bit, in the order of their names, and each pattern word
// the bits of its classes.
func (pt *patternTable) indexClassBits() {
	names := map[string]bool{}
	for _, classes := range pt.classes {
		for _, c := range classes {
			names[c] = true
		}
	}
	for _, later := range pt.later {
		for _, part := range later {
			if !strings.HasPrefix(part, "#") && !strings.HasPrefix(part, "~") {
				names[part] = true
			}
		}
	}
	sorted := make([]string, 0, len(names))
	for c := range names {
		sorted = append(sorted, c)
	}
	sort.Strings(sorted)
	pt.classBit = make(map[string]uint64, len(sorted))
	for i, c := range sorted {
		pt.classBit[c] = 1 << min(i, 63)
	}
	pt.wordBits, pt.wordStems = make(map[string]uint64, len(pt.classes)), runStems{}
	for w, classes := range pt.classes {
		pt.wordBits[w] = pt.bitsOf(classes)
		pt.wordStems.add(w)
	}
}

// bitsOf are the bits of the classes.
func (pt *patternTable) bitsOf(classes []string) uint64 {
	var bits uint64
	for _, c := range classes {
		bits |= pt.classBit[c]
	}
	return bits
}

// patternPart is a later part of a pattern, read once: a figure with
// unit (isUnit), a suffix of suffixes (isSuffix), or a word of a class
// (its bit).
type patternPart struct {
	isUnit, isSuffix bool
	unit             string
	suffixes         []string
	class            uint64
}

// partsOf reads the later parts of a pattern.
func (pt *patternTable) partsOf(later []string) []patternPart {
	parts := make([]patternPart, len(later))
	for i, part := range later {
		switch {
		case strings.HasPrefix(part, "#"):
			parts[i] = patternPart{isUnit: true, unit: part[1:]}
		case strings.HasPrefix(part, "~"):
			parts[i] = patternPart{isSuffix: true, suffixes: pt.suffixes[part[1:]]}
		default:
			parts[i] = patternPart{class: pt.classBit[part]}
		}
	}
	return parts
}

// classBits are the class bits of a word in one table (its index).
type classBits struct {
	table int
	bits  uint64
}
