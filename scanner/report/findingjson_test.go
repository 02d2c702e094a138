package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// TestAppendFindingsIsEncodingJSON holds appendFindings to encoding/json
// on thousands of random findings: optional fields set or not, strings
// that need escaping, floats that need an exponent, details trees of
// what decoding JSON gives and of types it leaves to encoding/json.
func TestAppendFindingsIsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	for i := range 3000 {
		found := make([]finding.Finding, 1+rng.IntN(3))
		for j := range found {
			found[j] = randomFinding(rng)
		}
		if got, want := encodedFindings(t, found), encodingJSON(t, found); got+"\n" != want {
			t.Fatalf("finding set %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// TestAppendFindingsGolden: the findings of the JSONL golden file, real
// rule output, decoded and written again, are the same bytes.
func TestAppendFindingsGolden(t *testing.T) {
	f, err := os.Open("testdata/golden/jsonl.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r scanner.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Findings) == 0 {
			continue
		}
		n += len(r.Findings)
		if got, want := encodedFindings(t, r.Findings), encodingJSON(t, r.Findings); got+"\n" != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
		if !strings.Contains(sc.Text(), `"findings":`+encodedFindings(t, r.Findings)+`,`) {
			t.Errorf("the golden line does not hold %s", encodedFindings(t, r.Findings))
		}
	}
	if n == 0 {
		t.Fatal("no findings in the golden file")
	}
}

// TestAppendFindingsRefusesNaN: a finding's NaN is an error, as
// encoding/json's is, in an exposure figure or in details.
func TestAppendFindingsRefusesNaN(t *testing.T) {
	for _, f := range []finding.Finding{
		{Exposure: finding.Exposure{Points: math.NaN()}},
		{Details: map[string]any{"x": []any{math.Inf(1)}}},
	} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		if _, err := appendFindings(nil, []finding.Finding{f}, enc, &buf); err == nil {
			t.Errorf("%+v: no error", f)
		}
	}
}

func encodedFindings(t *testing.T, found []finding.Finding) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	b, err := appendFindings(nil, found, enc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var texts = []string{"", "绝对化用语「国家级」", "a\"b\\c\n\t", "\u2028\u2029", "\xe4\xb8", "<b>&amp;</b>", "\x01\x7f", "ad-absolute"}

func randomText(rng *rand.Rand) string { return texts[rng.IntN(len(texts))] }

func randomFloat(rng *rand.Rand) float64 {
	switch rng.IntN(4) {
	case 0:
		return 0
	case 1:
		return float64(rng.IntN(200000))
	}
	return (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(60)-30))
}

func randomFinding(rng *rand.Rand) finding.Finding {
	f := finding.Finding{
		Rule: randomText(rng), Severity: randomText(rng), Message: randomText(rng), Field: randomText(rng),
		Evidence: randomText(rng), Context: randomText(rng), Suggestion: randomText(rng), Fingerprint: randomText(rng),
		Span:  finding.Span{Start: rng.IntN(300) - 5, End: rng.IntN(300)},
		Basis: finding.Basis{Law: randomText(rng), Penalty: randomText(rng), Link: randomText(rng), Note: randomText(rng), Confirmed: rng.IntN(2) == 0},
		Exposure: finding.Exposure{PunitiveCNY: randomFloat(rng), PlatformCNY: randomFloat(rng),
			FineCNY: [2]float64{randomFloat(rng), randomFloat(rng)}, Points: randomFloat(rng), Confirmed: rng.IntN(2) == 0},
	}
	switch rng.IntN(3) {
	case 0:
		f.Exposure.Basis = []string{}
	case 1:
		f.Exposure.Basis = []string{randomText(rng), randomText(rng)}
	}
	if rng.IntN(4) == 0 {
		f.Location = &finding.Location{File: randomText(rng), Line: rng.IntN(99), Column: rng.IntN(99)}
	}
	if rng.IntN(4) == 0 {
		f.Suppressed = &finding.Suppression{Reason: randomText(rng), Source: randomText(rng)}
	}
	if rng.IntN(5) > 0 {
		f.Details, _ = randomValue(rng, 0, true).(map[string]any)
	}
	return f
}

// randomValue is a details value: mostly what decoding JSON gives, some
// types only encoding/json writes (int, json.Number, a struct, a typed map).
func randomValue(rng *rand.Rand, depth int, object bool) any {
	if object || depth < 3 && rng.IntN(3) == 0 {
		switch {
		case object || rng.IntN(2) == 0:
			m := map[string]any{}
			if rng.IntN(8) == 0 && !object {
				return map[string]any(nil)
			}
			for range rng.IntN(5) {
				m[randomText(rng)] = randomValue(rng, depth+1, false)
			}
			return m
		default:
			var a []any
			for range rng.IntN(4) {
				a = append(a, randomValue(rng, depth+1, false))
			}
			return a
		}
	}
	others := []any{nil, randomText(rng), true, false, randomFloat(rng), []string{randomText(rng)}, []string(nil),
		rng.IntN(50), json.Number("12.50"), finding.Span{Start: 1, End: 2}, map[string]int{"b": 1, "a": 2}}
	return others[rng.IntN(len(others))]
}
