package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// corpusTitles reads the real titles of a title list (one a line, any
// encoding listings.ParseTitles reads), to be cycled into bulk inputs.
func corpusTitles(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus titles: %w (give -titles-from)", err)
	}
	ls, err := listings.ParseTitles(path, raw)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Title
	}
	return out, nil
}

// writeTitles writes n titles, the corpus cycled, one a line, into dir.
func writeTitles(dir string, titles []string, n int) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("titles-%d.txt", n))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		w.WriteString(titles[i%len(titles)])
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// writeExport writes a one-header-row shop export (UTF-8 CSV, the columns
// 千牛 writes) of n rows: the corpus titles cycled, each with a price, two
// attributes and a short HTML description drawn from the page variations'
// word pools (some of it words the rules flag, most of it not).
func writeExport(dir string, titles []string, n int, seed uint64) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("export-%d.csv", n))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	w.Write([]string{"宝贝ID", "宝贝标题", "宝贝价格", "宝贝属性", "宝贝描述"})
	for i := range n {
		desc := "<p>" + pick(r, lines) + "</p><p>" + pick(r, lines) + "</p><img src=\"//img.alicdn.com/imgextra/i1/" + strconv.Itoa(i) + ".jpg\">"
		attrs := "材质成分:" + pick(r, values) + ";颜色分类:" + pick(r, values)
		w.Write([]string{strconv.Itoa(600000000000 + i), titles[i%len(titles)], strconv.Itoa(19+r.IntN(500)) + ".00", attrs, desc})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return "", err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// writeWords writes the peer's word list: every key of every lexicon of
// the embedded tables (data.tables.<table>.<lexicon>), the words xiaoer's
// engine looks token runs up in. Only words with a letter or a Han
// character are kept (not thresholds or codes).
func writeWords(dir string) (string, error) {
	b, err := policies.Embedded()
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	tables, _ := b.Data["tables"].(map[string]any)
	for _, t := range tables {
		lexicons, _ := t.(map[string]any)
		for _, l := range lexicons {
			words, _ := l.(map[string]any)
			for w := range words {
				if strings.TrimFunc(w, func(r rune) bool { return r < 'A' }) != "" {
					seen[w] = true
				}
			}
		}
	}
	list := make([]string, 0, len(seen))
	for w := range seen {
		list = append(list, w)
	}
	sort.Strings(list)
	path := filepath.Join(dir, "words.txt")
	return path, os.WriteFile(path, []byte(strings.Join(list, "\n")+"\n"), 0o644)
}
