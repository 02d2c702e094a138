package engine

import (
	"slices"
	"strings"
	"testing"
)

// The class bits say what the class names say: a pattern word has the
// bit of a class exactly when the class is one of its own, and a later
// part of a pattern reads as its unit, its suffixes or its class's bit,
// in every table of the policies (each has 64 classes or fewer, so no two
// share a bit).
func TestClassBitsAreTheClasses(t *testing.T) {
	t.Parallel()
	starts := checker(t).Engine.gate.starts
	if len(starts) == 0 {
		t.Fatal("no table with patterns: this proves nothing")
	}
	for table, pt := range starts {
		if len(pt.classBit) > 64 {
			t.Fatalf("%s: %d classes share bits: check the gate still lets a listing through", table, len(pt.classBit))
		}
		for w, classes := range pt.classes {
			for c, bit := range pt.classBit {
				if got, want := pt.wordBits[w]&bit != 0, slices.Contains(classes, c); got != want {
					t.Errorf("%s: word %s has the bit of %s: %v, want %v", table, w, c, got, want)
				}
			}
		}
		for id, later := range pt.later {
			for i, part := range pt.partsOf(later) {
				if !samePart(pt, part, later[i]) {
					t.Errorf("%s: pattern %s part %q reads as %+v", table, id, later[i], part)
				}
			}
		}
	}
}

func samePart(pt *patternTable, part patternPart, name string) bool {
	switch {
	case strings.HasPrefix(name, "#"):
		return part.isUnit && !part.isSuffix && part.unit == name[1:]
	case strings.HasPrefix(name, "~"):
		return part.isSuffix && !part.isUnit && slices.Equal(part.suffixes, pt.suffixes[name[1:]])
	}
	return !part.isUnit && !part.isSuffix && part.class != 0 && part.class == pt.classBit[name]
}
