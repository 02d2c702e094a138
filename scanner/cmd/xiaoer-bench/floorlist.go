package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

// measureFloorList is the floor of a title list or a shop export: read and
// decode the file, split it into listings, and normalise and cut each
// listing's text fields (title, subtitle, description, attributes) with
// gojieba, spread over the workers; no facts, no policies.
func measureFloorList(path string, workers int) (measurement, error) {
	tk, m, err := floorSetup()
	if err != nil {
		return m, err
	}
	start, cpu := time.Now(), cpuTime()
	ls, size, err := readList(path)
	if err != nil {
		return m, err
	}
	jobs := make(chan *listings.Listing, 4*workers)
	var tokens atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range jobs {
				tokens.Add(int64(floorListing(tk, l)))
			}
		}()
	}
	for _, l := range ls {
		jobs <- l
	}
	close(jobs)
	wg.Wait()
	m.Seconds, m.CPU = time.Since(start).Seconds(), cpuTime()-cpu
	m.Pages, m.Findings, m.Bytes = len(ls), int(tokens.Load()), size
	return m, nil
}

// readList decodes a title list or a shop export into its listings.
func readList(path string) ([]*listings.Listing, int64, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	if !listings.IsExportFile(path) {
		ls, err := listings.ParseTitles(path, raw)
		return ls, int64(len(raw)), err
	}
	e, err := listings.ReadExport(path, raw)
	if err != nil {
		return nil, 0, err
	}
	ls := make([]*listings.Listing, e.Len())
	for i := range ls {
		if ls[i], err = e.Listing(i); err != nil {
			return nil, 0, fmt.Errorf("row %d: %w", i, err)
		}
	}
	return ls, int64(len(raw)), nil
}

func floorListing(tk *tokenizer.Jieba, l *listings.Listing) int {
	n := 0
	for _, text := range []string{l.Title, l.Subtitle, l.Description, facts.AttributeText(l.Attributes)} {
		if text != "" {
			n += len(facts.Tokenize(tk, nil, text))
		}
	}
	return n
}
