package policies

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// plainSprintf is OPA's sprintf(format, args) where every verb of format
// is %s of a string, %v of a string or a whole number, %d of a whole
// number, or %%, one argument a verb: the builtins' messages, fibre texts
// and quotes. OPA turns each argument into a Go value and formats them
// with fmt (a slice of interfaces, fmt's state, a term) for text that is
// the format with the arguments' own texts in place: a string's for %s
// and %v, and a whole number's digits for %v and %d, since fmt prints the
// int64 OPA reads them as with the digits they were written with. ok is
// false for anything else (flags, widths, other verbs, floats, numbers
// written otherwise, arguments missing or left over), which call leaves
// to OPA.
func plainSprintf(operands []*ast.Term) (*ast.Term, bool) {
	if len(operands) != 2 {
		return nil, false
	}
	args, ok := operands[1].Value.(*ast.Array)
	if !ok {
		return nil, false
	}
	return plainText(operands[0], args)
}

// sprintf is call(bctx, "sprintf", format, [args...]) of the builtins'
// own messages: a plain format (plainSprintf) is written from args as
// they are, without the array term, whose making (two allocations) hashed
// each argument (a listing's words, quotes, whole messages). Others go to
// OPA with the array as before.
func sprintf(bctx topdown.BuiltinContext, format *ast.Term, args ...*ast.Term) (*ast.Term, error) {
	if t, ok := plainText(format, termList(args)); ok {
		return t, nil
	}
	// a copy, so that args does not leave the call, nor its callers'
	// lists the stack, on the plain path
	return callFunc(bctx, topdown.GetBuiltin(sprintfName), format, ast.ArrayTerm(slices.Clone(args)...))
}

// termList is a list of terms, read as plainText reads an array's.
type termList []*ast.Term

func (l termList) Len() int             { return len(l) }
func (l termList) Elem(i int) *ast.Term { return l[i] }

// plainText is plainSprintf of format and the arguments args.
func plainText[L interface {
	Len() int
	Elem(int) *ast.Term
}](formatTerm *ast.Term, args L) (*ast.Term, bool) {
	format, ok := formatTerm.Value.(ast.String)
	if !ok {
		return nil, false
	}
	var b strings.Builder
	b.Grow(len(format) + 16*args.Len())
	f, next := string(format), 0
	for {
		at := strings.IndexByte(f, '%')
		if at < 0 || at == len(f)-1 {
			if at >= 0 || next != args.Len() {
				return nil, false // a lone % at the end, or arguments left over
			}
			b.WriteString(f)
			return ast.InternedTerm(b.String()), true
		}
		b.WriteString(f[:at])
		verb := f[at+1]
		f = f[at+2:]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if next == args.Len() {
			return nil, false
		}
		text, ok := plainArg(verb, args.Elem(next).Value)
		if !ok {
			return nil, false
		}
		b.WriteString(text)
		next++
	}
}

// plainArg is the text of argument v under verb as fmt prints OPA's Go
// value of it, false where that text is not v's own.
func plainArg(verb byte, v ast.Value) (string, bool) {
	switch v := v.(type) {
	case ast.String:
		return string(v), verb == 's' || verb == 'v'
	case ast.Number:
		return string(v), (verb == 'v' || verb == 'd') && wholeDigits(string(v))
	}
	return "", false
}

// wholeDigits: n is written as the int64 it is, as strconv would write
// it (an optional minus, no leading zeros, at most 18 digits).
func wholeDigits(n string) bool {
	digits := strings.TrimPrefix(n, "-")
	if digits == "" || len(digits) > 18 || (digits[0] == '0' && len(digits) > 1) || (digits == "0" && len(n) > 1) {
		return false
	}
	for k := range len(digits) {
		if digits[k] < '0' || digits[k] > '9' {
			return false
		}
	}
	return true
}
