package serve

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Media types the listing endpoints read.
var (
	htmlTypes = map[string]bool{"text/html": true, "application/xhtml+xml": true}
	jsonTypes = map[string]bool{"application/json": true, "text/json": true}
	yamlTypes = map[string]bool{"application/yaml": true, "application/x-yaml": true, "text/yaml": true, "text/x-yaml": true}
	// JSON Lines goes by several names; all mean one listing a line.
	jsonlTypes = map[string]bool{"application/x-ndjson": true, "application/jsonl": true,
		"application/x-jsonlines": true, "application/json-lines": true, "application/jsonlines": true}
)

// parseListing reads the body of /v1/check: one item page (any charset,
// the Content-Type's charset honoured) or one listing file in JSON or YAML.
func parseListing(r *http.Request, raw []byte, source string) (*listings.Listing, error) {
	mt, err := mediaType(r)
	if err != nil {
		return nil, err
	}
	var ls []*listings.Listing
	switch {
	case htmlTypes[mt]:
		return parseHTML(raw, r.Header.Get("Content-Type"), source)
	case jsonTypes[mt]:
		if e := checkJSON(raw); e != nil {
			return nil, e
		}
		ls, err = parseListingFile(raw, source)
	case yamlTypes[mt]:
		ls, err = parseListingFile(raw, source)
	default:
		return nil, unsupported(mt, "application/json, application/yaml or text/html")
	}
	if err != nil {
		return nil, err
	}
	if len(ls) != 1 {
		return nil, newError(http.StatusBadRequest, CodeOneListing,
			"the body holds %d listings; /v1/check takes one, send lists to /v1/check/batch", len(ls))
	}
	if empty(ls[0]) {
		return nil, newError(http.StatusUnprocessableEntity, CodeNoListing,
			"the listing has no title, subtitle, attributes, description or promises to check")
	}
	return ls[0], nil
}

// empty reports a listing with no text at all: nothing could be found in
// it, and a caller who sends one has most likely sent the wrong body.
func empty(l *listings.Listing) bool {
	return l.Title == "" && l.Subtitle == "" && len(l.Attributes) == 0 && l.Description == "" &&
		len(l.Promises) == 0 && len(l.SKUs) == 0
}

func parseHTML(raw []byte, contentType, source string) (*listings.Listing, error) {
	text, enc, err := listings.Decode(raw, contentType)
	if err != nil {
		return nil, listingError(err)
	}
	l, err := listings.ParseHTMLText(source, text, enc)
	if err != nil {
		return nil, listingError(err)
	}
	return l, nil
}

func parseListingFile(raw []byte, source string) ([]*listings.Listing, error) {
	text, enc, err := listings.Decode(raw, "")
	if err != nil {
		return nil, listingError(err)
	}
	ls, err := listings.ParseListingText(source, text, enc)
	if err != nil {
		return nil, listingError(err)
	}
	return ls, nil
}

// listingError gives a parse error its status and code; the message is the
// parser's, which names the line, column and field where it has them.
func listingError(err error) error {
	var fe *listings.FieldError
	switch {
	case errors.As(err, &fe) && errors.Is(err, listings.ErrUnknownKey):
		return newError(http.StatusBadRequest, CodeUnknownField, "%v", err)
	case errors.As(err, &fe):
		return newError(http.StatusBadRequest, CodeInvalidField, "%v", err)
	case errors.Is(err, listings.ErrEmpty), errors.Is(err, listings.ErrBinary), errors.Is(err, listings.ErrNoListing):
		return newError(http.StatusUnprocessableEntity, CodeNoListing, "%v", err)
	case strings.HasPrefix(err.Error(), "syntax:"):
		return newError(http.StatusBadRequest, CodeBadYAML, "%v", err)
	}
	return newError(http.StatusBadRequest, CodeInvalidField, "%v", err)
}

// defaultID names an id-less listing of a list as a listing file scan
// would: "<stem>-<n>", the parser having given it "<stem>".
func defaultID(l *listings.Listing, hasID bool, n, total int) {
	if !hasID && total > 1 {
		l.ID = fmt.Sprintf("%s-%d", l.ID, n)
	}
}
