package scanner

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// materialTraps are words that hold a claim's letters but are no claim: a
// material finding must never quote one.
var materialTraps = []string{"羽绒棉", "棉服", "纯色", "棉麻", "人造棉", "仿真丝", "冰丝", "棉鞋", "天鹅绒"}

// TestMaterialOverRealTitles lists every material-* finding over the real
// Taobao titles in $XIAOER_CORPUS/titles/taobao_titles_train.txt (titles
// only, so every claim is unbacked). It runs whenever the corpus is there.
//
//	go test ./scanner -run TestMaterialOverRealTitles -v
func TestMaterialOverRealTitles(t *testing.T) {
	dir := testcorpus.Dir(t)
	titles := readLines(t, filepath.Join(dir, "titles", "taobao_titles_train.txt"))
	counts := map[string]int{}
	for i, title := range titles {
		l := &listings.Listing{ID: fmt.Sprintf("title-%d", i+1), Source: "taobao_titles_train.txt", Platform: "taobao", Title: title}
		found, _, err := checker(t).CheckListing(context.Background(), l)
		if err != nil {
			t.Errorf("title %d not judged: %v", i+1, err) // list the rest all the same
			continue
		}
		for _, f := range found {
			if !strings.HasPrefix(f.Rule, "material-") {
				continue
			}
			counts[f.Rule+" "+f.Severity]++
			t.Logf("%4d %s %-7s 「%s」 %s", i+1, f.Rule, f.Severity, f.Evidence, title)
			if trap, ok := overlapsTrap(title, f.Span); ok {
				t.Errorf("title %d: %s quotes %q over the non-claim %q: %s", i+1, f.Rule, f.Evidence, trap, title)
			}
		}
	}
	t.Logf("%d titles; material hits: %v", len(titles), counts)
}

// overlapsTrap reports a trap word in text that the span overlaps; 棉服
// followed by 装 or 饰 (纯棉服装) is cotton clothing, not a padded jacket.
func overlapsTrap(text string, sp finding.Span) (string, bool) {
	for _, trap := range materialTraps {
		for from := 0; ; {
			k := strings.Index(text[from:], trap)
			if k < 0 {
				break
			}
			s, e := from+k, from+k+len(trap)
			from = e
			if trap == "棉服" && (strings.HasPrefix(text[e:], "装") || strings.HasPrefix(text[e:], "饰")) {
				continue
			}
			if s < sp.End && sp.Start < e {
				return trap, true
			}
		}
	}
	return "", false
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
