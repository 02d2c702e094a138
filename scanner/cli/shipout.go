package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

// shipmentsOutput writes the shipments report as the results stream in:
// the report counts them, and each order's findings go to the spool as
// the lines the report prints (text) or holds (JSON), so memory does not
// grow with the findings.
type shipmentsOutput struct {
	rep    *scanner.ShipmentsReport
	spool  *shipSpool
	files  map[string]bool
	json   bool
	failOn string
	// what the spooled findings make of the exit code
	ruleFailed, failing bool
}

func newShipmentsOutput(inputs []shipments.Input, asJSON bool, failOn string) *shipmentsOutput {
	o := &shipmentsOutput{rep: scanner.NewShipmentsReport(inputs), spool: newShipSpool(), files: map[string]bool{}, json: asJSON, failOn: failOn}
	for _, in := range inputs {
		o.files[in.Path] = true
	}
	return o
}

// add takes one result of RunShipments.
func (o *shipmentsOutput) add(r scanner.Result) error {
	o.rep.Count(r)
	if r.Kind != scanner.KindShipments || r.Failed() || !o.files[r.Source] {
		return nil // the report keeps it, or has no place for it
	}
	for _, f := range r.Findings {
		o.ruleFailed = o.ruleFailed || f.RuleFailed()
		o.failing = o.failing || f.AtLeast(o.failOn)
		line, err := o.line(r.Source, f)
		if err != nil {
			return err
		}
		if err := o.spool.add(r.Source, line); err != nil {
			return err
		}
	}
	return nil
}

// line is a finding as the report shows it: a text line, or JSON indented
// as an item of the report's findings list.
func (o *shipmentsOutput) line(source string, f finding.Finding) ([]byte, error) {
	if !o.json {
		n := 0
		if f.Location != nil {
			n = f.Location.Line
		}
		return fmt.Appendf(nil, "%s:%d: %s %s: %s%s", report.Terminal(source), n, report.Terminal(f.Severity), report.Terminal(f.Rule), report.Terminal(f.Message), cost(f)), nil
	}
	// Indented here, where workers still run, as the report's encoder
	// would indent it in the findings list: writing the report only copies.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(findingIndent[1:], "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode finding: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// exitCode: 2 when a file or an order could not be read or a rule failed,
// 1 when a finding is at or above --fail-on, 0 otherwise.
func (o *shipmentsOutput) exitCode() int {
	code := shipmentsExitCode(o.rep, o.failOn)
	switch {
	case code == scanner.ExitError || o.ruleFailed:
		return scanner.ExitError
	case code == scanner.ExitFindings || o.failing:
		return scanner.ExitFindings
	}
	return code
}

func (o *shipmentsOutput) write(w io.Writer) error {
	if o.json {
		return o.writeJSON(w)
	}
	return writeShipmentsText(w, o.rep, o.spool)
}

// writeJSON encodes the report, whose files hold no findings, and puts
// each file's spooled findings in its empty list: byte for byte what
// encoding the report with its findings gives.
func (o *shipmentsOutput) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o.rep); err != nil {
		return err
	}
	rest := b.Bytes()
	empty := []byte("\n      \"findings\": []")
	bw := bufio.NewWriterSize(w, 1<<16) // errors stick: Flush reports the first
	for _, fr := range o.rep.Files {
		at := bytes.Index(rest, empty)
		if at < 0 {
			return fmt.Errorf("no findings list for %s", fr.Source)
		}
		bw.Write(rest[:at])
		if err := o.writeFindingsJSON(bw, fr.Source); err != nil {
			return err
		}
		rest = rest[at+len(empty):]
	}
	bw.Write(rest)
	return bw.Flush()
}

// findingIndent starts an item of a file's findings list in the report.
const findingIndent = "\n        "

// writeFindingsJSON writes one file's "findings" member, indented as the
// report's encoder would (the spooled items are indented already).
func (o *shipmentsOutput) writeFindingsJSON(w io.Writer, source string) error {
	io.WriteString(w, "\n      \"findings\": [")
	n := 0
	err := o.spool.each(source, func(item []byte) error {
		if n > 0 {
			io.WriteString(w, ",")
		}
		n++
		io.WriteString(w, findingIndent)
		_, err := w.Write(item)
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		io.WriteString(w, "\n      ")
	}
	_, err = io.WriteString(w, "]")
	return err
}
