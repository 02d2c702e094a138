package listings

import "iter"

// Positions maps a field name (title, subtitle, description, attributes,
// skus, price; "attributes.N" for an entry of a list) to where its text
// starts in the source file, for inputs that have lines.
//
// The first field recorded is kept inline and only later ones in a map: a
// title list's listing records its title alone, and a map for that one
// entry was about 340 of the 650 bytes building the listing allocated
// (the collector's work on a 200,000-title scan grows with those bytes).
type Positions struct {
	hasFirst bool
	firstKey string
	first    Position
	more     map[string]Position
}

// TitlePositions records only where the title starts.
func TitlePositions(pos Position) Positions {
	return Positions{hasFirst: true, firstKey: "title", first: pos}
}

// Set records where field key starts, replacing what it had.
func (p *Positions) Set(key string, pos Position) {
	if !p.hasFirst || p.firstKey == key {
		p.hasFirst, p.firstKey, p.first = true, key, pos
		return
	}
	if p.more == nil {
		p.more = map[string]Position{}
	}
	p.more[key] = pos
}

// Get is where field key starts; ok is false when it was not recorded.
func (p *Positions) Get(key string) (pos Position, ok bool) {
	if p.hasFirst && p.firstKey == key {
		return p.first, true
	}
	pos, ok = p.more[key]
	return pos, ok
}

// Len is the number of fields recorded.
func (p *Positions) Len() int {
	if !p.hasFirst {
		return 0
	}
	return 1 + len(p.more)
}

// All yields every field recorded and its position, the first recorded
// first and the others in no set order. Set may be called while ranging,
// for a key already recorded.
func (p *Positions) All() iter.Seq2[string, Position] {
	return func(yield func(string, Position) bool) {
		if !p.hasFirst || !yield(p.firstKey, p.first) {
			return
		}
		for k, pos := range p.more {
			if !yield(k, pos) {
				return
			}
		}
	}
}
