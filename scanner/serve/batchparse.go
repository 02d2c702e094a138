package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Item is one listing of a batch, or why it could not be read. A bad
// item becomes an error result in its place; it never stops the others.
type Item struct {
	Listing *listings.Listing
	Err     error
}

// element is one listing's JSON text and where it starts in the body.
type element struct {
	text         string
	line, column int
}

// parseBatch reads the body of /v1/check/batch: a JSON array of listings,
// JSON Lines (one listing a line) or a YAML list, at most max listings.
func parseBatch(r *http.Request, raw []byte, source string, max int) ([]Item, error) {
	mt, err := mediaType(r)
	if err != nil {
		return nil, err
	}
	if yamlTypes[mt] {
		return yamlBatch(raw, source, max)
	}
	if !jsonTypes[mt] && !jsonlTypes[mt] {
		return nil, unsupported(mt, "a JSON array (application/json), JSON Lines (application/x-ndjson) or a YAML list (application/yaml)")
	}
	text, _, err := listings.Decode(raw, "")
	if err != nil {
		return nil, listingError(err)
	}
	var els []element
	if jsonlTypes[mt] {
		els, err = jsonLines(text, max)
	} else {
		els, err = jsonArray(text, max)
	}
	if err != nil {
		return nil, err
	}
	if !jsonlTypes[mt] {
		// One parse of the whole array, as scan reads the file; only a bad
		// item sends the batch through item-by-item parsing.
		if ls, err := listings.ParseListingText(source, text, listings.EncodingUTF8); err == nil && len(ls) == len(els) {
			return asItems(ls), nil
		}
	}
	items := make([]Item, len(els))
	for i, el := range els {
		items[i] = parseElement(el, source, i+1, len(els))
	}
	return items, nil
}

func asItems(ls []*listings.Listing) []Item {
	items := make([]Item, len(ls))
	for i, l := range ls {
		items[i].Listing = l
	}
	return items
}

func yamlBatch(raw []byte, source string, max int) ([]Item, error) {
	ls, err := parseListingFile(raw, source)
	if err != nil {
		return nil, err
	}
	if len(ls) > max {
		return nil, tooMany(max)
	}
	return asItems(ls), nil
}

func tooMany(max int) *apiError {
	return newError(http.StatusRequestEntityTooLarge, CodeTooManyListings,
		"a batch holds at most %d listings; split it", max)
}

// jsonArray splits a JSON array into its elements, keeping each one's text
// and position so errors and findings point into the whole body.
func jsonArray(text string, max int) ([]element, error) {
	if e := checkJSON([]byte(text)); e != nil {
		return nil, e
	}
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, _ := dec.Token(); tok != json.Delim('[') {
		return nil, newError(http.StatusBadRequest, CodeBadJSON,
			"a batch is a JSON array of listings (or JSON Lines with Content-Type application/x-ndjson)")
	}
	var out []element
	for dec.More() {
		if len(out) == max {
			return nil, tooMany(max)
		}
		var m json.RawMessage
		if err := dec.Decode(&m); err != nil { // cannot happen: checked above
			return nil, newError(http.StatusBadRequest, CodeBadJSON, "bad JSON: %v", err)
		}
		start := int(dec.InputOffset()) - len(m)
		line, col := lineColumn([]byte(text), start+1)
		out = append(out, element{text: string(m), line: line, column: col})
	}
	return out, nil
}

// jsonLines splits JSON Lines into elements; blank lines are skipped. A
// line that is not JSON is that item's error, not the batch's.
func jsonLines(text string, max int) ([]element, error) {
	var out []element
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if len(out) == max {
			return nil, tooMany(max)
		}
		out = append(out, element{text: strings.TrimRight(line, "\r"), line: i + 1, column: 1})
	}
	return out, nil
}

// parseElement reads one listing of a batch at its place in the body.
func parseElement(el element, source string, n, total int) Item {
	if e := checkJSON([]byte(el.text)); e != nil {
		e.Message = strings.Replace(e.Message, "line 1,", "line "+strconv.Itoa(el.line)+",", 1)
		return Item{Err: e}
	}
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	_ = json.Unmarshal([]byte(el.text), &probe) // not an object: the parser below says so
	// Parsed alone, then moved to where it stands in the body: padding the
	// text instead would cost the whole body's length per item.
	ls, err := listings.ParseListingText(source, el.text, listings.EncodingUTF8)
	switch {
	case err != nil:
		var fe *listings.FieldError
		if errors.As(err, &fe) {
			fe.Line, fe.Column = shift(fe.Line, fe.Column, el)
		}
		return Item{Err: listingError(err)}
	case len(ls) != 1:
		return Item{Err: newError(http.StatusBadRequest, CodeOneListing,
			"line %d: item %d holds %d listings; want one", el.line, n, len(ls))}
	}
	defaultID(ls[0], probe.ID != nil, n, total)
	moveTo(ls[0], el)
	return Item{Listing: ls[0]}
}

// shift moves a position in an item's text to the body: lines down by the
// item's line, and columns on the item's first line right by its column.
func shift(line, column int, el element) (int, int) {
	if line == 1 {
		column += el.column - 1
	}
	return line + el.line - 1, column
}

// moveTo shifts every position of a listing parsed from an item's text.
func moveTo(l *listings.Listing, el element) {
	for k, p := range l.Positions.All() {
		p.Line, p.Column = shift(p.Line, p.Column, el)
		l.Positions.Set(k, p)
	}
	for i := range l.Ignores {
		p := &l.Ignores[i].Position
		p.Line, p.Column = shift(p.Line, p.Column, el)
	}
}
