package shipments

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings/fileread"
)

// Input file kinds.
const (
	InputOrdersCSV  = "orders-csv"
	InputOrdersJSON = "orders-json"
	InputTracking   = "tracking"
)

// Input is one file of a scan and what it holds.
type Input struct {
	Path string
	Kind string // InputOrdersCSV, InputOrdersJSON, InputTracking; "" when unreadable
	Err  error  // why the file could not be classified
}

// DataExts are the files a directory walk picks up.
var DataExts = map[string]bool{".csv": true, ".json": true, ".jsonl": true, ".ndjson": true}

// Sniff says what a file holds: .csv is orders; JSON is tracking when its
// first object has an answer format's keys, orders otherwise.
func Sniff(path string) (string, error) {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".csv"):
		return InputOrdersCSV, nil
	case strings.HasSuffix(lower, ".kuaidi100.json"), strings.HasSuffix(lower, ".kdniao.json"):
		return InputTracking, nil
	}
	f, err := fileread.Open(path, MaxOrdersFileBytes)
	if err != nil {
		return "", err
	}
	defer f.Close()
	keys, err := firstObjectKeys(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if trackingFormat(keys) != "" {
		return InputTracking, nil
	}
	return InputOrdersJSON, nil
}

// firstObjectKeys reads the first JSON object of a file (or of the array it
// holds) and returns its keys.
func firstObjectKeys(r io.Reader) (map[string]json.RawMessage, error) {
	br := bufio.NewReader(r)
	c, _, err := firstByte(br)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(br)
	if c == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
	}
	var keys map[string]json.RawMessage
	if err := dec.Decode(&keys); err != nil {
		return nil, fmt.Errorf("not JSON objects: %w", err)
	}
	return keys, nil
}

// Detect says, from its content, whether a file holds orders or a tracking
// answer: InputOrdersCSV for a CSV whose header has an order id column,
// InputTracking for JSON whose first object has an answer format's keys,
// InputOrdersJSON for JSON whose first object has order_id (or wraps
// "orders"); "" for anything else, listings included. It reads only the
// head of r. A scan uses it to judge the orders and tracking it meets in a
// directory as shipments.
func Detect(path string, r io.Reader) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv":
		if _, err := newCSVOrders(r, path); err == nil {
			return InputOrdersCSV
		}
		return ""
	}
	keys, err := firstObjectKeys(r)
	switch {
	case err != nil:
		return ""
	case trackingFormat(keys) != "":
		return InputTracking
	case hasKey(keys, "order_id"), hasKey(keys, "orders"):
		return InputOrdersJSON
	}
	return ""
}
