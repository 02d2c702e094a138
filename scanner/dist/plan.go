package dist

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

// Task sizes. A title or an export row takes well under a millisecond to
// judge while a task costs a round trip or two to the queue, so they travel
// in runs; a page (tens of milliseconds) travels alone.
const (
	DefaultTitlesPerTask = 500
	DefaultRowsPerTask   = 200
	DefaultFilesPerTask  = 32 // small files (pages, listing files) together
)

// Planner turns a scan's inputs into tasks and hands each to publish,
// numbering inputs exactly as a local scan does (each shop-export row an
// input of its own, URLs after the paths).
type Planner struct {
	TitlesPerTask int
	RowsPerTask   int
	FilesPerTask  int

	q       *Queue
	job     string
	export  listings.ExportOptions
	publish func(context.Context, Task) error
	tasks   int
	inputs  int
	batch   []File       // small files waiting to travel together
	size    int          // their bytes
	sources atomic.Int64 // paths and URLs planned, read by the heartbeat
}

// AddInput plans one path input (a file or stdin, as scanner.ExpandPaths
// gives them): a title list in chunks, a shop export in runs of rows, any
// other file whole. An input that cannot be read is still planned, so its
// error is reported where its results would be.
func (p *Planner) AddInput(ctx context.Context, in scanner.Input) error {
	defer p.sources.Add(1)
	raw, err := in.Read()
	if err != nil {
		return p.add(ctx, Task{Kind: KindFailed, Source: in.Source, Data: []byte(err.Error())}, 1)
	}
	switch {
	case listings.IsExportFile(in.Source):
		return p.addExport(ctx, in.Source, raw)
	case strings.EqualFold(filepath.Ext(in.Source), ".txt"):
		return p.addTitles(ctx, in.Source, raw)
	}
	return p.addFile(ctx, in.Source, raw)
}

// AddURL plans one URL, fetched by the worker that takes it.
func (p *Planner) AddURL(ctx context.Context, u string) error {
	defer p.sources.Add(1)
	return p.add(ctx, Task{Kind: KindURL, Source: u, Data: []byte(u)}, 1)
}

// addFile plans a file parsed whole: a small one joins the batch of small
// files (a page costs the queue about as much as judging it when it
// travels alone), a large one goes alone, through the object store.
func (p *Planner) addFile(ctx context.Context, source string, raw []byte) error {
	limit := p.q.inlineLimit()
	if len(raw) > limit/4 {
		t := Task{Kind: KindFile, Source: source}
		if err := p.attach(ctx, &t, raw); err != nil {
			return err
		}
		return p.add(ctx, t, 1)
	}
	if len(p.batch) >= max(p.FilesPerTask, 1) || p.size+len(raw) > limit {
		if err := p.flush(ctx); err != nil {
			return err
		}
	}
	p.batch = append(p.batch, File{Source: source, Data: raw})
	p.size += len(raw)
	return nil
}

// flush sends the batch of small files as one task.
func (p *Planner) flush(ctx context.Context) error {
	if len(p.batch) == 0 {
		return nil
	}
	t := Task{Kind: KindFiles, Source: p.batch[0].Source, Files: p.batch}
	p.batch, p.size = nil, 0
	return p.put(ctx, t, len(t.Files))
}

// addExport stores the export once and plans runs of its rows; an export
// that does not read is one input that fails, as in a local scan.
func (p *Planner) addExport(ctx context.Context, source string, raw []byte) error {
	e, err := listings.ReadExportWith(source, raw, p.export)
	if err != nil {
		return p.add(ctx, Task{Kind: KindFailed, Source: source, Data: []byte(err.Error())}, 1)
	}
	name := fmt.Sprintf("%s/input-%d", p.job, p.inputs)
	if err := p.q.putBlob(ctx, name, raw); err != nil {
		return err
	}
	per := max(p.RowsPerTask, 1)
	for row := 0; row < e.Len(); row += per {
		n := min(per, e.Len()-row)
		if err := p.add(ctx, Task{Kind: KindExport, Source: source, Row: row, Object: name}, n); err != nil {
			return err
		}
	}
	return nil
}

// add publishes a task after the small files planned before it, so inputs
// keep their order.
func (p *Planner) add(ctx context.Context, t Task, inputs int) error {
	if err := p.flush(ctx); err != nil {
		return err
	}
	return p.put(ctx, t, inputs)
}

// put numbers the task and its inputs and publishes it.
func (p *Planner) put(ctx context.Context, t Task, inputs int) error {
	t.Job, t.ID, t.Input, t.Inputs = p.job, p.tasks, p.inputs, inputs
	if t.Chunks == 0 {
		t.Chunks = 1
	}
	p.tasks++
	if t.Chunk == t.Chunks-1 {
		p.inputs += inputs
	}
	return p.publish(ctx, t)
}

// attach puts raw in the task, or in the object store when it is larger
// than a message.
func (p *Planner) attach(ctx context.Context, t *Task, raw []byte) error {
	if len(raw) <= p.q.inlineLimit() {
		t.Data = raw
		return nil
	}
	t.Object = fmt.Sprintf("%s/task-%d", p.job, p.tasks)
	return p.q.putBlob(ctx, t.Object, raw)
}
