package dist

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// titleList writes a GBK-free UTF-8 title list of n realistic titles, with
// blank lines among them, and returns its path.
func titleList(t *testing.T, n int) string {
	t.Helper()
	words := []string{"2024夏季新款纯棉短袖T恤男 全网最低价", "羽绒服女短款白鸭绒90% 加厚外套", "高仿名牌包包 1:1 复刻", "儿童睡衣纯棉长袖套装 国家级品质",
		"普洱茶 收藏升值 投资首选", "真丝连衣裙 桑蚕丝100% 现货24小时发货"}
	var b strings.Builder
	for i := range n {
		if i%7 == 3 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s %d号\n", words[i%len(words)], i)
	}
	path := filepath.Join(t.TempDir(), "titles.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDistributedScanMatchesLocalScan runs the fixtures (pages, listing
// files, a shop export, a title list in chunks, a missing file) through the
// queue with real workers and compares with a local scan of the same inputs.
func TestDistributedScanMatchesLocalScan(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	checker, err := scanner.NewChecker(ctx, engine.Options{}, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"../../fixtures/pages", "../../fixtures/listings", "../../fixtures/exports/taobao-assistant.csv", titleList(t, 40), "no-such-file.html"}

	local := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: 2}}
	var want []scanner.Result
	if err := local.Run(ctx, scanner.ExpandSources(scanner.Sources{Paths: paths}), func(r scanner.Result) error {
		want = append(want, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	addr := freeAddr(t)
	startNode(t, addr, t.TempDir())
	q := connect(t, "nats://"+addr, 1)
	startWorkers(t, q, 3, &ScanJudge{Checker: checker}, 10*time.Second)
	job := &Job{Now: now.Format(time.RFC3339)}
	err = q.Submit(ctx, job, func(p *Planner) error {
		p.TitlesPerTask, p.RowsPerTask, p.FilesPerTask = 7, 2, 3 // several chunks, runs and batches
		for _, in := range scanner.ExpandPaths(paths, nil) {
			if err := p.AddInput(ctx, in); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// 8 small files in 3 batches, 6 chunks of the title list, the export's
	// rows in runs of 2, the missing file: tasks of every kind.
	if job.Tasks < 3+6+1 {
		t.Fatalf("%d tasks for %d inputs: the title list, the export and the files were not split", job.Tasks, job.Inputs)
	}
	got := collectAll(t, q, job.ID, 60*time.Second)
	slices.SortStableFunc(got, func(a, b scanner.Result) int { return a.Input - b.Input })
	if job.Inputs != want[len(want)-1].Input+1 {
		t.Errorf("job has %d inputs, the local scan %d", job.Inputs, want[len(want)-1].Input+1)
	}
	wantJSON, _ := json.MarshalIndent(want, "", " ")
	gotJSON, _ := json.MarshalIndent(got, "", " ")
	if string(wantJSON) != string(gotJSON) {
		t.Errorf("distributed results differ from the local scan's:\n%s", firstDiff(string(wantJSON), string(gotJSON)))
	}
}

// firstDiff shows the lines around where two texts first differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < min(len(al), len(bl)); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d\nlocal:\n%s\ndistributed:\n%s", i+1,
				strings.Join(al[lo:min(len(al), i+4)], "\n"), strings.Join(bl[lo:min(len(bl), i+4)], "\n"))
		}
	}
	return fmt.Sprintf("local has %d lines, distributed %d", len(al), len(bl))
}
