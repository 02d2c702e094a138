package scanner

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// TestPrefetchHandsOverWhatParsingGives: every input Prefetch takes loads
// the listings (or the error) reading and parsing it gives, whether the
// prefetch reached it or not, and as often as it is loaded; inputs it
// must not read ahead keep no Load.
func TestPrefetchHandsOverWhatParsingGives(t *testing.T) {
	fixtures := filepath.Join("..", "fixtures")
	inputs := ExpandPaths([]string{
		filepath.Join(fixtures, "pages"), filepath.Join(fixtures, "listings"), filepath.Join(fixtures, "material"),
		filepath.Join(fixtures, "exports"), filepath.Join("..", "listings", "testdata", "not-items"), "no-such-page.html", "-",
	}, strings.NewReader("title: 纯棉T恤\n"))
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	inputs = append(inputs, Input{Source: "titles.txt", Read: func() ([]byte, error) { return []byte("纯棉T恤\n"), nil }})
	before := make([]Input, len(inputs))
	copy(before, inputs)
	queue := prefetchQueue(inputs)
	reached := len(queue) / 2 // the prefetch got through half before it was stopped
	runPrefetch(queue[:reached], new(atomic.Bool))
	taken := 0
	ctx := context.Background()
	for i, in := range inputs {
		skip := in.Source == "-" || listings.IsExportFile(in.Source) || isTitleList(in.Source)
		if in.Load == nil {
			if !skip {
				t.Errorf("%s: not taken", in.Source)
			}
			continue
		}
		if skip {
			t.Errorf("%s: taken, want it left alone", in.Source)
		}
		taken++
		want, wantErr := loadBatch(ctx, before[i]) // stdin is read once: it is never taken
		if want == nil {
			want = parsed(nil)
		}
		for range 2 {
			got, err := loadBatch(ctx, in)
			if !reflect.DeepEqual(got, want) || !sameError(err, wantErr) {
				t.Errorf("%s: loaded %d listings, %v; parsing gives %d, %v", in.Source, got.Len(), err, want.Len(), wantErr)
			}
		}
	}
	if taken != len(queue) || reached == 0 {
		t.Errorf("%d inputs taken, %d queued, %d prefetched", taken, len(queue), reached)
	}
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Error() == b.Error()
}

// TestPrefetchStopsWhenTold: a stopped prefetch parses nothing more, and
// its inputs still load by parsing themselves.
func TestPrefetchStopsWhenTold(t *testing.T) {
	inputs := ExpandPaths([]string{filepath.Join("..", "fixtures", "pages")}, nil)
	queue := prefetchQueue(inputs)
	stopped := new(atomic.Bool)
	stopped.Store(true)
	runPrefetch(queue, stopped)
	for _, p := range queue {
		if p.size != 0 || p.ls != nil || p.err != nil {
			t.Fatalf("%s parsed after stop", p.source)
		}
	}
	ls, err := inputs[0].Load(context.Background())
	if err != nil || len(ls) != 1 || ls[0].Title == "" {
		t.Fatalf("load after stop: %v, %d listings", err, len(ls))
	}
	var errRead = errors.New("disk gone")
	bad := []Input{{Source: "gone.html", Read: func() ([]byte, error) { return nil, errRead }}}
	prefetchQueue(bad)
	if _, err := bad[0].Load(context.Background()); !errors.Is(err, errRead) {
		t.Fatalf("read error: %v", err)
	}
}
