package listings

import (
	"errors"
	"fmt"
)

// Sentinel errors; Parse and its helpers wrap them with the input's name, so
// callers test them with errors.Is.
var (
	// ErrEmpty: the input has no bytes, or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input is not text (NUL or other control bytes).
	ErrBinary = errors.New("binary input, not text")
	// ErrEncoding: the bytes are not text in an encoding xiaoer reads.
	ErrEncoding = errors.New("unreadable encoding")
	// ErrNoListing: the input is text but holds no listing (no title, no fields).
	ErrNoListing = errors.New("no listing found")
	// ErrUnknownFormat: neither the name nor the content says HTML, YAML or JSON.
	ErrUnknownFormat = errors.New("unknown input format")
	// ErrUnknownKey: a listing file has a key that is not a listing field.
	ErrUnknownKey = errors.New("unknown key")
	// ErrInvalidValue: a listing file field has a value of the wrong shape.
	ErrInvalidValue = errors.New("invalid value")
)

// FieldError is a problem at one place in a listing file.
type FieldError struct {
	Field  string // field name (title, price, attributes.2 ...) or the unknown key
	Line   int    // 1-based line of the key or value
	Column int    // 1-based column, in characters
	Err    error  // ErrUnknownKey, ErrInvalidValue ...
	Detail string // what was expected, if anything
}

// Error reads "line 4, column 3: unknown key \"colour\"".
func (e *FieldError) Error() string {
	msg := fmt.Sprintf("line %d, column %d: %v %q", e.Line, e.Column, e.Err, e.Field)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap returns the sentinel error.
func (e *FieldError) Unwrap() error { return e.Err }
