package cli

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

func newExtractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the policy input document of each listing in FILE (what the rules see)",
		ArgsUsage: "FILE",
		Flags:     []cli.Flag{nowFlag},
		Action:    runExtract,
	}
}

func runExtract(c *cli.Context) error {
	if c.NArg() != 1 {
		return cli.Exit("extract: give exactly one FILE (or - for stdin)", 2)
	}
	path := c.Args().First()
	in := scanner.ExpandPaths([]string{path}, c.App.Reader)
	if len(in) != 1 {
		return cli.Exit(fmt.Sprintf("extract %s: not a single listing file", path), 2)
	}
	raw, err := in[0].Read()
	if err != nil {
		return cli.Exit(fmt.Sprintf("extract %s: %v", path, err), 2)
	}
	ls, err := scanner.ParseInput(path, raw)
	if err != nil {
		return cli.Exit(fmt.Sprintf("extract %s: %v", path, err), 2)
	}
	docs, err := buildDocs(c, ls)
	if err != nil {
		return err
	}
	if len(docs) == 1 {
		return writeJSON(c, docs[0])
	}
	return writeJSON(c, docs)
}

func buildDocs(c *cli.Context, ls []*listings.Listing) ([]*facts.Document, error) {
	tk, err := tokenizer.Shared()
	if err != nil {
		return nil, err
	}
	now, err := clock(c)
	if err != nil {
		return nil, cli.Exit(err.Error(), 2)
	}
	b := &facts.Builder{Tokenizer: tk, Now: now}
	docs := make([]*facts.Document, len(ls))
	for i, l := range ls {
		docs[i] = b.Build(l)
	}
	return docs, nil
}
