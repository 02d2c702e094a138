package dist

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Task kinds: what a worker does with a task's data.
const (
	KindFile   = "file"   // one input's bytes, parsed as a local scan parses a file
	KindFiles  = "files"  // several small files, each an input (Files)
	KindTitles = "titles" // a chunk of a title list (UTF-8 lines after Line others)
	KindExport = "export" // rows Row..Row+Inputs-1 of a shop export
	KindURL    = "url"    // an item page the worker fetches
	KindFailed = "failed" // an input the submitter could not read; Data is the error
)

// Task is one unit of work: an input, a chunk of one, or a run of inputs.
type Task struct {
	Job    string `json:"job"`
	ID     int    `json:"task"` // 0..tasks-1 within the job; with Job, the de-duplication id
	Kind   string `json:"kind"`
	Source string `json:"source"`
	Input  int    `json:"input"`  // index of the first input it covers
	Inputs int    `json:"inputs"` // how many inputs it covers (export rows), else 1
	Chunk  int    `json:"chunk"`  // which part of its input (titles), from 0
	Chunks int    `json:"chunks"` // how many tasks its input is split into, else 1
	Line   int    `json:"line,omitempty"`
	Row    int    `json:"row,omitempty"`
	// Encoding is the title list's own, for a chunk re-encoded as UTF-8.
	Encoding string `json:"encoding,omitempty"`
	Data     []byte `json:"data,omitempty"`
	// Object names the object-store entry that holds Data when it is larger
	// than a message.
	Object string `json:"object,omitempty"`
	// Files are the inputs of a KindFiles task, in input order.
	Files []File `json:"files,omitempty"`
}

// File is one small input travelling with others in a task.
type File struct {
	Source string `json:"source"`
	Data   []byte `json:"data"`
}

// dedupID is the id the task's result is published under.
func (t Task) dedupID() string { return t.Job + "." + strconv.Itoa(t.ID) }

// Outcome is a task's results as the results stream carries them.
type Outcome struct {
	Task    Task             `json:"task"` // without its data
	Results []scanner.Result `json:"results"`
	Object  string           `json:"object,omitempty"` // results too large for a message, stored here
	Worker  string           `json:"worker,omitempty"`
}

func decodeTask(raw []byte) (Task, error) {
	var t Task
	if err := json.Unmarshal(raw, &t); err != nil {
		return t, fmt.Errorf("decode task: %w", err)
	}
	if t.Job == "" || t.Inputs < 1 || t.Chunks < 1 || (t.Kind == KindFiles && len(t.Files) != t.Inputs) {
		return t, fmt.Errorf("decode task: job %q, %d inputs, %d chunks", t.Job, t.Inputs, t.Chunks)
	}
	return t, nil
}

// failedResults is one error result for each input of the task, for a task
// no worker could finish.
func failedResults(t Task, msg string) []scanner.Result {
	out := make([]scanner.Result, 0, t.Inputs)
	for i := range t.Inputs {
		m, source := msg, t.Source
		if i < len(t.Files) {
			source = t.Files[i].Source
		}
		out = append(out, scanner.Result{Input: t.Input + i, Source: source, Kind: "listing", Findings: []finding.Finding{}, Error: &m})
	}
	return out
}
