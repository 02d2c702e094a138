package dist

import (
	"context"
	"sync"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

// exportCache keeps the last shop export a worker parsed: its runs of rows
// come one after another, and parsing the file again for each would cost
// more than judging the rows.
type exportCache struct {
	mu     sync.Mutex
	object string
	export *listings.Export
}

func (c *exportCache) get(object, source string, data []byte, opts listings.ExportOptions) (*listings.Export, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.object == object && c.export != nil {
		return c.export, nil
	}
	e, err := listings.ReadExportWith(source, data, opts)
	if err != nil {
		return nil, err
	}
	c.object, c.export = object, e
	return e, nil
}

// exportRows is one input per row of the task's run.
func (k *jobKit) exportRows(t Task, data []byte) ([]scanner.Input, error) {
	e, err := k.exports.get(t.Object, t.Source, data, k.export)
	if err != nil {
		return nil, err
	}
	out := make([]scanner.Input, t.Inputs)
	for i := range out {
		row := t.Row + i
		out[i] = scanner.Input{Index: t.Input + i, Source: t.Source, Load: func(context.Context) ([]*listings.Listing, error) {
			l, err := e.Listing(row)
			if err != nil {
				return nil, err
			}
			return []*listings.Listing{l}, nil
		}}
	}
	return out, nil
}
