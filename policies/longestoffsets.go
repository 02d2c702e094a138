package policies

import (
	"cmp"
	"math/big"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// offset is a hit's s or e as xiaoer.longest compares it: an integer
// where the number is one (every hit the engine builds), else its
// big.Float. Parsing each offset into a big.Float and subtracting in big
// floats took most of a call's work; integers compare the same way.
type offset struct {
	n int
	f *big.Float // nil: n is the number
}

// exactInt bounds the integers compared as ints, so that a length (e -
// s) of two of them cannot overflow.
const exactInt = 1 << 52

func offsetOf(num ast.Number) offset {
	if n, ok := num.Int(); ok && n > -exactInt && n < exactInt {
		return offset{n: n}
	}
	return offset{f: builtins.NumberToFloat(num)}
}

func (a offset) float() *big.Float {
	if a.f != nil {
		return a.f
	}
	return new(big.Float).SetInt64(int64(a.n))
}

// cmp is -1, 0 or +1 as a is less than, equal to or more than b.
func (a offset) cmp(b offset) int {
	if a.f == nil && b.f == nil {
		return cmp.Compare(a.n, b.n)
	}
	return a.float().Cmp(b.float())
}

// minus is a - b.
func (a offset) minus(b offset) offset {
	if a.f == nil && b.f == nil {
		return offset{n: a.n - b.n}
	}
	return offset{f: new(big.Float).Sub(a.float(), b.float())}
}
