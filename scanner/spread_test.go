package scanner

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// multiInputs are n inputs with a varied number of listings each (0 to
// 40; some fail to load), for the pool's tests. A listing's ID is
// "input/listing".
func multiInputs(n int, seed uint64) []Input {
	r := rand.New(rand.NewPCG(seed, 1))
	in := make([]Input, n)
	for i := range in {
		count := r.IntN(41)
		if r.IntN(4) == 0 {
			count = 1
		}
		fail := r.IntN(10) == 0
		in[i] = Input{Index: i, Source: "in" + strconv.Itoa(i), Load: func(context.Context) ([]*listings.Listing, error) {
			if fail {
				return nil, fmt.Errorf("input %d unreadable", i)
			}
			ls := make([]*listings.Listing, count)
			for k := range ls {
				ls[k] = &listings.Listing{ID: fmt.Sprintf("%d/%d", i, k)}
			}
			return ls, nil
		}}
	}
	return in
}

// jitterCheck stands in for the policies: it takes a little, varied time,
// so listings finish out of order.
func jitterCheck(_ context.Context, in Input, l *listings.Listing) Result {
	time.Sleep(time.Duration(len(l.ID)%3) * 50 * time.Microsecond)
	return Result{Input: in.Index, Source: in.Source, Kind: "listing", ID: l.ID, Findings: []finding.Finding{}}
}

// expectedIDs is every result each input yields, in listing order.
func expectedIDs(t *testing.T, inputs []Input) [][]string {
	t.Helper()
	out := make([][]string, len(inputs))
	for i, in := range inputs {
		ls, err := in.Load(context.Background())
		if err != nil {
			out[i] = []string{"error"}
		}
		for _, l := range ls {
			out[i] = append(out[i], l.ID)
		}
	}
	return out
}

func resultID(r Result) string {
	if r.Failed() {
		return "error"
	}
	return r.ID
}

// In input order, the results are every input's listings in order, the
// inputs in order, whatever the workers and the window.
func TestRunStreamSpreadKeepsOrder(t *testing.T) {
	t.Parallel()
	inputs := multiInputs(120, 3)
	want := expectedIDs(t, inputs)
	for _, workers := range []int{1, 2, 5} {
		s := &Scanner{Options: Options{Workers: workers}, check: jitterCheck}
		var got []string
		err := s.RunStream(context.Background(), inputs, StreamOptions{Window: 3}, func(r Result) error {
			got = append(got, strconv.Itoa(r.Input)+":"+resultID(r))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var flat []string
		for i, ids := range want {
			for _, id := range ids {
				flat = append(flat, strconv.Itoa(i)+":"+id)
			}
		}
		if strings.Join(got, " ") != strings.Join(flat, " ") {
			t.Fatalf("%d workers: results out of order:\n got %v\nwant %v", workers, got, flat)
		}
	}
}

// Emitting as completed, every input's results still come out together
// and in listing order, each once, and InputDone counts them.
func TestRunStreamSpreadAsCompletedKeepsInputsWhole(t *testing.T) {
	t.Parallel()
	inputs := multiInputs(200, 5)
	want := expectedIDs(t, inputs)
	s := &Scanner{Options: Options{Workers: 4}, check: jitterCheck}
	got := map[int][]string{}
	last, counted := -1, map[int]int{}
	so := StreamOptions{AsCompleted: true, Window: 5, InputDone: func(in Input, n int) { counted[in.Index] = n }}
	err := s.RunStream(context.Background(), inputs, so, func(r Result) error {
		if r.Input != last && got[r.Input] != nil {
			return fmt.Errorf("input %d resumes after input %d: its results are split", r.Input, last)
		}
		last = r.Input
		got[r.Input] = append(got[r.Input], resultID(r))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, ids := range want {
		if strings.Join(got[i], " ") != strings.Join(ids, " ") {
			t.Errorf("input %d: got %v, want %v", i, got[i], ids)
		}
		if counted[i] != len(ids) {
			t.Errorf("input %d: InputDone counted %d, want %d", i, counted[i], len(ids))
		}
	}
}

// One input's listings are checked by every worker at once: the first
// listing's check waits until the second has started, which can only
// happen on another worker.
func TestRunStreamSpreadsOneInputOverTheWorkers(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	check := func(ctx context.Context, in Input, l *listings.Listing) Result {
		switch l.ID {
		case "0/0":
			select {
			case <-started:
			case <-time.After(10 * time.Second):
				return Result{Input: in.Index, ID: "never spread"}
			}
		case "0/1":
			close(started)
		}
		return Result{Input: in.Index, ID: l.ID}
	}
	s := &Scanner{Options: Options{Workers: 2}, check: check}
	inputs := []Input{{Source: "list", Load: func(context.Context) ([]*listings.Listing, error) {
		return []*listings.Listing{{ID: "0/0"}, {ID: "0/1"}, {ID: "0/2"}}, nil
	}}}
	var got []string
	if err := s.RunStream(context.Background(), inputs, StreamOptions{}, func(r Result) error {
		got = append(got, r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "0/0 0/1 0/2" {
		t.Fatalf("got %v, want the three listings in order, the first checked beside the second", got)
	}
}

// A JSONL stream cut anywhere (in the middle of a title list's results
// included) and resumed holds every result of every input exactly once.
func TestResumeAfterASpreadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var titles strings.Builder
	for i := range 500 {
		fmt.Fprintf(&titles, "标题%d 纯棉短袖\n", i)
	}
	list := filepath.Join(dir, "titles.txt")
	if err := os.WriteFile(list, []byte(titles.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := append(multiInputs(30, 9), ExpandPaths([]string{list}, nil)...)
	inputs = append(inputs, multiInputs(30, 11)...)
	for i := range inputs {
		inputs[i].Index = i
	}
	s := &Scanner{Options: Options{Workers: 3}, check: jitterCheck}
	full := jsonlRun(t, s, inputs)
	lines := bytes.SplitAfter(full, []byte("\n"))
	for _, cut := range []int{1, len(lines) / 3, len(lines) / 2, len(lines) - 2} {
		path := filepath.Join(dir, fmt.Sprintf("cut%d.jsonl", cut))
		partial := bytes.Join(lines[:cut], nil)
		partial = append(partial, lines[cut][:len(lines[cut])/2]...) // a torn line
		if err := os.WriteFile(path, partial, 0o644); err != nil {
			t.Fatal(err)
		}
		state, f, err := OpenResume(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		rest, err := state.Remaining(inputs)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(jsonlRun(t, s, rest))
		f.Close()
		resumed, _ := os.ReadFile(path)
		if got, want := resultSet(t, resumed), resultSet(t, full); got != want {
			t.Errorf("cut at line %d: the resumed stream differs from a whole run", cut)
		}
	}
}

func jsonlRun(t *testing.T, s *Scanner, inputs []Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := s.RunStream(context.Background(), inputs, StreamOptions{AsCompleted: true, Window: 4}, func(r Result) error { return enc.Encode(r) }); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// resultSet is a stream's results, one "input:id" a line, sorted, with a
// duplicate showing as a repeated line.
func resultSet(t *testing.T, stream []byte) string {
	t.Helper()
	var out []string
	for _, line := range bytes.Split(bytes.TrimSpace(stream), []byte("\n")) {
		var r Result
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		out = append(out, fmt.Sprintf("%d:%s", r.Input, resultID(r)))
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// A long list goes out in chunks: while its first listing is stuck, the
// other worker checks more listings than there are job tokens (so a job
// holds several), yet no more than the window's chunks hold; released,
// every listing comes out once, in order.
func TestRunStreamSpreadsALongListInBoundedChunks(t *testing.T) {
	t.Parallel()
	const n, window = 5000, 2
	release := make(chan struct{})
	var started atomic.Int32
	check := func(_ context.Context, in Input, l *listings.Listing) Result {
		started.Add(1)
		if l.ID == "0" {
			<-release
		}
		return Result{Input: in.Index, ID: l.ID, Findings: []finding.Finding{}}
	}
	s := &Scanner{Options: Options{Workers: 2}, check: check}
	inputs := []Input{{Source: "list", Load: func(context.Context) ([]*listings.Listing, error) {
		ls := make([]*listings.Listing, n)
		for k := range ls {
			ls[k] = &listings.Listing{ID: strconv.Itoa(k)}
		}
		return ls, nil
	}}}
	done := make(chan []string, 1)
	go func() {
		var got []string
		if err := s.RunStream(context.Background(), inputs, StreamOptions{Window: window}, func(r Result) error {
			got = append(got, r.ID)
			return nil
		}); err != nil {
			t.Error(err)
		}
		done <- got
	}()
	time.Sleep(300 * time.Millisecond)
	jobs, most := listingsPerWindow*window, listingsPerWindow*window*maxChunk
	if got := int(started.Load()); got <= jobs || got > most {
		t.Errorf("%d listings started while the first is stuck, want more than the %d job tokens and at most %d", got, jobs, most)
	}
	close(release)
	wantCounted(t, <-done, n)
}

// A short list of heavy listings still goes out one listing a job, so
// every worker has a share; a long one in chunks of at most maxChunk.
func TestChunkOf(t *testing.T) {
	for _, c := range []struct{ n, workers, want int }{
		{3, 2, 1}, {10, 2, 1}, {16, 2, 2}, {100, 2, 12}, {200000, 2, maxChunk}, {200000, 64, maxChunk}, {40, 5, 2},
	} {
		if got := chunkOf(c.n, c.workers); got != c.want {
			t.Errorf("chunkOf(%d, %d) = %d, want %d", c.n, c.workers, got, c.want)
		}
	}
}
