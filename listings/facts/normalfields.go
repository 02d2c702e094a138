package facts

import (
	"slices"
	"strings"
)

// normalFields are a listing's fields in name order, each text normalised
// (normalizeWithOrigin) once: the figures and the promises both read every
// field normalised, and each normalised it again, an allocation of five
// bytes per byte of text each time (issue 13: an export row's fields).
// A field's name and normal text are held together: they were two lists.
type normalFields []normalField

// normalField is one field's name and normal text.
type normalField struct {
	name   string
	normal normalText
}

// normalText is a text normalised, with the offset in the text each of
// its bytes came from (normalizeWithOrigin). Readers do not change it.
type normalText struct {
	norm   string
	origin []int32
}

func normalFieldsOf(fields map[string]Field) normalFields {
	nf := make(normalFields, 0, len(fields))
	for name := range fields {
		nf = append(nf, normalField{name: name})
	}
	slices.SortFunc(nf, func(a, b normalField) int { return strings.Compare(a.name, b.name) })
	for k := range nf {
		nf[k].normal = fields[nf[k].name].normalized()
	}
	return nf
}

func normalOf(text string) normalText {
	norm, origin := normalizeWithOrigin(text)
	return normalText{norm: norm, origin: origin}
}

// normalized is the field's text normalised: as cutting left it, or
// normalised here for a field built otherwise.
func (f Field) normalized() normalText {
	if f.normal.origin != nil {
		return f.normal
	}
	return normalOf(f.Text)
}
