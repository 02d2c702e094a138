package scanner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/fetch"
)

// Sources are what a bulk scan reads: paths (files, directories, "-"),
// and URLs to fetch.
type Sources struct {
	Paths     []string
	Stdin     io.Reader
	URLs      []string
	Fetcher   *fetch.Fetcher // needed when URLs are given
	FetchDesc bool           // also fetch each page's separately loaded description
	Export    listings.ExportOptions
}

// ExpandSources turns sources into inputs, numbered in order: the paths as
// ExpandPaths does, except that each row of a shop export (.csv, .tsv)
// becomes an input of its own (so rows are scanned in parallel and resumed
// one by one), then the URLs. An export is read and split here, and stays
// in memory until its rows are scanned.
func ExpandSources(src Sources) []Input {
	var out []Input
	for _, in := range ExpandPaths(src.Paths, src.Stdin) {
		if listings.IsExportFile(in.Source) {
			out = append(out, exportInputs(in, src.Export)...)
			continue
		}
		out = append(out, in)
	}
	for _, u := range src.URLs {
		out = append(out, urlInput(u, src.Fetcher, src.FetchDesc))
	}
	for i := range out {
		out[i].Index = i
	}
	return out
}

// exportInputs splits a shop export into one input per row; a file that
// cannot be read or is no export stays one input that fails.
func exportInputs(in Input, opts listings.ExportOptions) []Input {
	raw, err := in.Read()
	if err != nil {
		return []Input{failing(in.Source, err)}
	}
	e, err := listings.ReadExportWith(in.Source, raw, opts)
	if err != nil {
		return []Input{failing(in.Source, err)}
	}
	out := make([]Input, e.Len())
	for i := range out {
		row := i
		out[i] = Input{Source: in.Source, Load: func(context.Context) ([]*listings.Listing, error) {
			l, err := e.Listing(row)
			if err != nil {
				return nil, err
			}
			return []*listings.Listing{l}, nil
		}}
	}
	return out
}

func failing(source string, err error) Input {
	return Input{Source: source, Load: func(context.Context) ([]*listings.Listing, error) { return nil, err }}
}

// urlInput fetches an item page when a worker gets to it.
func urlInput(u string, f *fetch.Fetcher, desc bool) Input {
	return Input{Source: u, Load: func(ctx context.Context) ([]*listings.Listing, error) {
		if f == nil {
			return nil, fmt.Errorf("no fetcher for URL inputs")
		}
		return loadURL(ctx, f, u, desc)
	}}
}

// loadURL fetches and parses one page, decoding it with the charset the
// server declared, and with desc fetches its description too. A page whose
// description cannot be fetched is an error: the listing was asked to be
// checked whole.
func loadURL(ctx context.Context, f *fetch.Fetcher, u string, desc bool) ([]*listings.Listing, error) {
	resp, err := f.Get(ctx, u)
	if err != nil {
		return nil, err
	}
	text, enc, err := listings.Decode(resp.Body, resp.ContentType)
	if err != nil {
		return nil, err
	}
	if format, ok := listings.SniffFormat(text); ok && format != listings.FormatHTML {
		return listings.ParseListingText(u, text, enc)
	}
	l, err := listings.ParseHTMLText(u, text, enc)
	if err != nil {
		return nil, err
	}
	if l.URL == "" {
		l.URL = resp.URL
	}
	if desc && l.DescURL != "" {
		d, err := f.Description(ctx, l.DescURL, resp.URL)
		if err != nil {
			return nil, fmt.Errorf("page fetched, but its %w", err)
		}
		if d != "" {
			l.Description = d // the page itself holds only a placeholder ("描述加载中")
		}
	}
	return []*listings.Listing{l}, nil
}

// ReadURLs reads a URL list: one URL a line; blank lines and lines starting
// with # are skipped.
func ReadURLs(r io.Reader) ([]string, error) {
	var urls []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		urls = append(urls, line)
	}
	return urls, sc.Err()
}
