package listings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// corpusPages are the real saved pages of the shared corpus (third-party
// content, not in this repository).
var corpusPages = []string{"taobao_item_562283240178.html", "tmall_item_605258110430.gbk.html"}

// TestCorpusPages checks the extractors on real saved pages. It runs
// whenever the corpus is there (testcorpus.Dir) and says so when it is not.
func TestCorpusPages(t *testing.T) {
	t.Parallel()
	dir := testcorpus.Dir(t)
	tests := []struct {
		file, platform, id, titlePrefix, encoding string
		min, max                                  float64
		attr, value                               string
	}{
		{corpusPages[0], "taobao", "562283240178", "乳白亚克力外壳 60%键盘外壳 poker外壳无加强筋底壳透光外壳", "utf-8", 149, 159, "品牌", "KBDfans"},
		{corpusPages[1], "tmall", "605258110430", "【官网价直降】Apple/苹果 iPhone 11", "gb18030", 5499, 6799, "产品名称", "Apple/苹果 iPhone 11"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join(dir, "pages", tt.file))
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			l, err := ParseHTML(tt.file, raw)
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if l.Platform != tt.platform || l.ID != tt.id || l.Encoding != tt.encoding {
				t.Errorf("platform, id, encoding = %q, %q, %q", l.Platform, l.ID, l.Encoding)
			}
			if !strings.HasPrefix(l.Title, tt.titlePrefix) {
				t.Errorf("title = %q, want prefix %q", l.Title, tt.titlePrefix)
			}
			if l.Price.Min != tt.min || l.Price.Max != tt.max {
				t.Errorf("price = %+v", l.Price)
			}
			if got, _ := attrValue(l, tt.attr); got != tt.value {
				t.Errorf("attribute %s = %q, want %q", tt.attr, got, tt.value)
			}
			if l.DescURL == "" {
				t.Error("no description URL")
			}
		})
	}
}
