package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// batches writes tracking answers into batch files of batchSize answers,
// Kuaidi100 and KDNiao in turn.
type batches struct {
	dir   string
	file  *os.File
	w     *bufio.Writer
	count int
	index int
}

func (b *batches) add(o *order) error {
	if b.file == nil || b.count == batchSize {
		if err := b.close(); err != nil {
			return err
		}
		if err := b.open(); err != nil {
			return err
		}
	}
	sep := ",\n"
	if b.count == 0 {
		sep = ""
	}
	raw, err := json.Marshal(b.answer(o))
	if err != nil {
		return err
	}
	b.count++
	_, err = fmt.Fprintf(b.w, "%s%s", sep, raw)
	return err
}

func (b *batches) kdniao() bool { return b.index%2 == 0 }

func (b *batches) open() error {
	b.index++
	ext := "kuaidi100"
	if b.kdniao() {
		ext = "kdniao"
	}
	f, err := os.Create(filepath.Join(b.dir, fmt.Sprintf("batch-%04d.%s.json", b.index, ext)))
	if err != nil {
		return err
	}
	b.file, b.w, b.count = f, bufio.NewWriter(f), 0
	_, err = b.w.WriteString("[")
	return err
}

func (b *batches) close() error {
	if b.file == nil {
		return nil
	}
	if _, err := b.w.WriteString("]\n"); err != nil {
		return err
	}
	if err := b.w.Flush(); err != nil {
		return err
	}
	err := b.file.Close()
	b.file = nil
	return err
}

// answer is the order's tracking as the carrier API would return it:
// KDNiao oldest first, Kuaidi100 newest first with resultv2 status words.
func (b *batches) answer(o *order) any {
	if b.kdniao() {
		traces := make([]map[string]string, 0, len(o.events))
		for _, e := range o.events {
			traces = append(traces, map[string]string{"AcceptTime": timeText(e.at), "AcceptStation": e.text})
		}
		return map[string]any{"LogisticCode": o.trackingNo, "ShipperCode": "YTO", "State": "2", "Success": true, "Traces": traces}
	}
	data := make([]map[string]string, 0, len(o.events))
	for _, e := range slices.Backward(o.events) {
		t := timeText(e.at)
		data = append(data, map[string]string{"time": t, "ftime": t, "context": e.text, "status": e.kind})
	}
	return map[string]any{"nu": o.trackingNo, "com": "yuantong", "state": "0", "status": "200", "data": data}
}
