package scanner

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// BenchmarkCheckPage is the cost per listing of a ~300 KB item page: parse,
// facts (tokens, composition ...) and policy evaluation. The page is a
// fixture page with its description grown to the size of a real one.
func BenchmarkCheckPage(b *testing.B) {
	raw := inflatePage(b, filepath.Join("..", "fixtures", "pages", "taobao-classic-keyboard.html"), 300<<10)
	benchmarkCheck(b, "page.html", raw)
}

// BenchmarkCheckRealPages runs the same on real saved pages when the
// corpus is there (testcorpus.Dir; they are not in the repo).
func BenchmarkCheckRealPages(b *testing.B) {
	dir := testcorpus.Dir(b)
	pages, _ := filepath.Glob(filepath.Join(dir, "pages", "*.html"))
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(p), func(b *testing.B) { benchmarkCheck(b, p, raw) })
	}
}

// BenchmarkCheckYAML is the cost per listing of a listing file.
func BenchmarkCheckYAML(b *testing.B) {
	raw := []byte(`id: "6281"
platform: taobao
title: 2026秋冬新款纯棉长袖T恤男士宽松打底衫 全网最低价 现货秒发
subtitle: 24小时发货 7天无理由退换
price: "59.00 - 79.00"
category: 男装/T恤
attributes:
  品牌: 木槿生活
  材质成分: 棉60% 聚酯纤维40%
  适用季节: 秋季
description: |
  精选新疆长绒棉，亲肤透气。最好的打底衫，国家级工艺。
  洗涤建议：30℃以下手洗，不可漂白。
`)
	benchmarkCheck(b, "listing.yaml", raw)
}

func benchmarkCheck(b *testing.B, source string, raw []byte) {
	c := checker(b)
	ctx := context.Background()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		ls, err := ParseInput(source, raw)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range ls {
			if _, _, err := c.CheckListing(ctx, l); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// inflatePage repeats the page's description paragraph until the page is
// about size bytes, the size of a real item page with its description.
func inflatePage(b *testing.B, path string, size int) []byte {
	b.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("fixture: %v", err)
	}
	page := string(raw)
	para := "<p>精选PBT键帽，二色成型工艺，手感细腻不打油。支持热插拔轴座，三模连接，续航持久。包装清单：键盘×1，数据线×1，拔键器×1。</p>\n"
	i := strings.LastIndex(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	var sb strings.Builder
	sb.WriteString(page[:i])
	for sb.Len() < size {
		sb.WriteString(para)
	}
	sb.WriteString(page[i:])
	return []byte(sb.String())
}

// BenchmarkCheckLongDescription is a listing whose description text is as
// long as a real fetched description (~10 KB of copy): rules must stay
// linear in the number of tokens.
func BenchmarkCheckLongDescription(b *testing.B) {
	para := "精选新疆长绒棉，亲肤透气，柔软舒适。采用精梳工艺，不起球不变形。洗涤建议：30℃以下手洗，不可漂白，阴干。" +
		"店铺承诺48小时内发货，支持7天无理由退换。好评如潮，回头客众多。\n"
	desc := strings.Repeat(para, 10<<10/len(para))
	raw := []byte("id: long\nplatform: taobao\ntitle: 纯棉长袖T恤\nprice: 99\nattributes:\n  材质成分: 棉100%\ndescription: |\n  " +
		strings.ReplaceAll(strings.TrimSpace(desc), "\n", "\n  ") + "\n")
	benchmarkCheck(b, "long.yaml", raw)
}
