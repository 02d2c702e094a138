package scanner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestTextStageRulesOutOnlyWhatTheGateDoes: every listing the text stage
// alone rules out (Engine.TextUnjudged), the whole gate rules out too, over
// every labelled case, fixture and (when there) corpus title; and the
// text stage rules out some, or the pregate would do nothing.
func TestTextStageRulesOutOnlyWhatTheGateDoes(t *testing.T) {
	t.Parallel()
	eng, b := checker(t).Engine, checker(t).Builder
	ls := knownListings(t)
	ruledOut := 0
	for _, l := range ls {
		text, whole := *l, *l
		if !eng.TextUnjudged(&text) {
			continue
		}
		ruledOut++
		if !eng.Unjudged(&whole, func() map[string]facts.Field { return b.Fields(&whole) }) {
			t.Errorf("%s %s: ruled out by the text, let through by the gate", l.Source, l.ID)
		}
	}
	t.Logf("%d listings, %d ruled out by their text", len(ls), ruledOut)
	if len(ls) < 500 || ruledOut == 0 {
		t.Errorf("%d listings, %d ruled out by their text: want hundreds, some ruled out", len(ls), ruledOut)
	}
}

// pregateTitles is a title list of the first 500 labelled titles, each
// followed by a title its text rules out, so that judged and ruled-out
// titles alternate (a verdict read for a neighbour changes results).
func pregateTitles(t *testing.T) []byte {
	t.Helper()
	var b strings.Builder
	seen := map[string]bool{}
	for _, l := range labelledListings(t, labelledDir) {
		if title := strings.TrimSpace(l.Title); title != "" && !strings.ContainsAny(title, "\r\n") && !seen[title] && len(seen) < 500 {
			seen[title] = true
			b.WriteString(title + "\n秋季长袖T恤\n")
		}
	}
	return []byte(b.String())
}

// pregateInputs are the title list and a listing file after it.
func pregateInputs(titles []byte) []Input {
	return []Input{
		{Index: 0, Source: "titles.txt", Read: func() ([]byte, error) { return titles, nil }},
		{Index: 1, Source: "p.yaml", Read: func() ([]byte, error) { return []byte("title: 纯棉T恤 100%棉\n"), nil }},
	}
}

// pregateRun scans inputs in input order and returns the JSONL stream.
func pregateRun(t *testing.T, inputs []Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	s := &Scanner{Checker: checker(t), Options: Options{Workers: 2}}
	if err := s.RunStream(context.Background(), inputs, StreamOptions{Window: 4}, func(r Result) error { return enc.Encode(r) }); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pregated runs the pregate of fresh inputs over the whole title list and
// then lets edit change its verdicts.
func pregatedInputs(t *testing.T, titles []byte, edit func(p *pregate)) []Input {
	t.Helper()
	inputs := pregateInputs(titles)
	_, stop := Pregate(inputs, "")
	p := inputs[0].pregate
	if p == nil || inputs[1].pregate != nil {
		t.Fatal("Pregate did not take the title list alone")
	}
	p.run(checker(t).Engine)
	stop()
	edit(p)
	return inputs
}

// TestPregateGivesTheSameResults: a scan whose title list was pregated,
// in whole or in part, streams the very bytes a scan without it does.
func TestPregateGivesTheSameResults(t *testing.T) {
	t.Parallel()
	titles := pregateTitles(t)
	want := pregateRun(t, pregateInputs(titles))
	var all *pregate
	for _, stoppedAt := range []int{-1, 0, 1, 2, 501} {
		inputs := pregatedInputs(t, titles, func(p *pregate) {
			all = p
			if stoppedAt >= 0 {
				p.judged.Store(int64(min(stoppedAt, len(p.ruledOut))))
			}
		})
		if got := pregateRun(t, inputs); !bytes.Equal(got, want) {
			t.Errorf("pregate stopped at %d: the results differ from a scan without it", stoppedAt)
		}
	}
	inputs := pregateInputs(titles)
	start, stop := Pregate(inputs, "")
	start(checker(t).Engine)
	stop() // somewhere in the list, or before it is read
	if got := pregateRun(t, inputs); !bytes.Equal(got, want) {
		t.Errorf("pregate stopped at %d: the results differ from a scan without it", inputs[0].pregate.judged.Load())
	}
	ruledOut, findings := 0, bytes.Count(want, []byte(`"rule":`))
	for _, r := range all.ruledOut {
		if r {
			ruledOut++
		}
	}
	if ruledOut == 0 || ruledOut == len(all.ruledOut) || findings < 100 {
		t.Errorf("%d of %d titles ruled out, %d findings: want some of each", ruledOut, len(all.ruledOut), findings)
	}
}

// TestPregateVerdictReachesItsListing: the workers read listing k's
// verdict for listing k, none other's. A judged title given a verdict
// that rules it out (which the text stage never gives it) loses its
// findings, and no other result changes.
func TestPregateVerdictReachesItsListing(t *testing.T) {
	t.Parallel()
	titles := pregateTitles(t)
	want := bytes.Split(pregateRun(t, pregateInputs(titles)), []byte("\n"))
	k := -1
	for i, line := range want {
		if bytes.Contains(line, []byte(`"rule":`)) && i > 0 {
			k = i
			break
		}
	}
	if k < 0 {
		t.Fatal("no judged title")
	}
	inputs := pregatedInputs(t, titles, func(p *pregate) { p.ruledOut[k] = true })
	got := bytes.Split(pregateRun(t, inputs), []byte("\n"))
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for i := range got {
		if changed := !bytes.Equal(got[i], want[i]); changed != (i == k) {
			t.Errorf("result %d changed: %v, want only result %d changed", i, changed, k)
		}
	}
}

// TestPregateTakesTheFirstTitleListAlone: inputs that load themselves,
// stdin and other files are left alone, and without a title list nothing
// is started.
func TestPregateTakesTheFirstTitleListAlone(t *testing.T) {
	read := func() ([]byte, error) { return []byte("纯棉T恤\n"), nil }
	load := func(context.Context) ([]*listings.Listing, error) { return nil, nil }
	inputs := []Input{{Source: "a.yaml", Read: read}, {Source: "-", Read: read}, {Source: "u.txt", Load: load},
		{Source: "a.txt", Read: read}, {Source: "b.TXT", Read: read}}
	Pregate(inputs, "")
	for i, in := range inputs {
		if (in.pregate != nil) != (i == 3) {
			t.Errorf("%s: taken %v", in.Source, in.pregate != nil)
		}
	}
	start, stop := Pregate(inputs[:3], "")
	start(checker(t).Engine)
	stop()
}

// TestPregateStopsAndHandsOver: a pregate stopped before it starts never
// starts; one started ends by the time stop returns; a list that cannot be
// read loads as the error its reading gives; a second load reads again.
func TestPregateStopsAndHandsOver(t *testing.T) {
	eng := checker(t).Engine
	failed := errors.New("unreadable")
	inputs := []Input{{Source: "bad.txt", Read: func() ([]byte, error) { return nil, failed }}}
	start, stop := Pregate(inputs, "")
	stop()
	start(eng)
	if inputs[0].pregate.started.Load() {
		t.Error("started after stop")
	}
	if _, err := loadBatch(context.Background(), inputs[0]); !errors.Is(err, failed) {
		t.Errorf("load: %v, want %v", err, failed)
	}

	inputs = pregateInputs([]byte("纯棉T恤\n秋季长袖T恤\n"))
	start, stop = Pregate(inputs, "")
	start(eng)
	stop()
	p := inputs[0].pregate
	select {
	case <-p.finished:
	default:
		t.Error("stop returned before the pass ended")
	}
	for range 2 {
		b, err := loadBatch(context.Background(), inputs[0])
		if err != nil || b.Len() != 2 {
			t.Fatalf("load: %v, %v", b, err)
		}
		if l, _ := b.Listing(1); l.Title != "秋季长袖T恤" {
			t.Errorf("listing 1 is %q", l.Title)
		}
	}
}
