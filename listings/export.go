package listings

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Shop exports are the CSV files seller tools write, one listing per row.
// Two layouts are read:
//
//   - ExportTaobaoAssistant: the 淘宝助理 "data package" CSV. Line 1 is
//     "version 1.00", line 2 the field keys (title, cid, price, description,
//     cateProps, inputPids, inputValues, num_id, outer_id, subtitle ...),
//     line 3 the same columns in Chinese (宝贝名称, 宝贝类目, 宝贝价格,
//     宝贝描述 ...). Cells are TAB-separated and quoted with '"' (doubled
//     inside); the description cell is HTML over many lines. 淘宝助理 5.x
//     writes UTF-16LE with a byte order mark; older versions and many
//     third-party tools that write the same layout use GBK.
//   - ExportColumns: one header row naming the columns, in Chinese or
//     English (宝贝标题/商品标题/title, 价格/一口价/price, 宝贝描述/描述/
//     description, 属性/attributes, 宝贝ID/商品ID/num_id ...): 千牛 and ERP
//     exports saved as CSV, and hand-made sheets. Comma- or TAB-separated.
//
// Encodings: UTF-8 with or without a BOM (Excel's "CSV UTF-8"), UTF-16LE or
// BE with a BOM, UTF-16LE without one, and GBK/GB18030 (Excel's plain "CSV"
// on Chinese Windows). Attributes in 淘宝助理's cateProps are numeric
// property and value ids ("20000:3275069;1627207:28341"), which only
// Taobao's category API can name: they are not read. Its typed-in values
// (inputPids/inputValues) are read, named where the property id is
// well known (品牌, 货号).
const (
	ExportTaobaoAssistant = "taobao-assistant"
	ExportColumns         = "columns"
)

// ErrNotExport: a CSV file that has neither layout (no title column).
var ErrNotExport = errors.New("not a shop export: no title column (want 宝贝名称/宝贝标题/商品标题/title)")

// Export is a shop export, decoded and split into rows; Listing builds
// one row's listing on demand, so a scan can hand rows to its workers.
type Export struct {
	Source   string
	Encoding string
	Layout   string
	Columns  *ColumnReport // what each header column was read as
	opts     ExportOptions
	header   []string
	columns  map[string]int // canonical field → column
	rows     [][]string
	pos      [][][2]int // per row, per cell: line and column (in characters) where its text starts
}

// IsExportFile reports whether a file name is one ReadExport reads.
func IsExportFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".csv" || ext == ".tsv"
}

// ReadExport decodes a shop export and finds its layout and rows.
func ReadExport(source string, raw []byte) (*Export, error) {
	return ReadExportWith(source, raw, ExportOptions{})
}

// ReadExportWith is ReadExport with the user's column map.
func ReadExportWith(source string, raw []byte, opts ExportOptions) (*Export, error) {
	text, enc, err := decodeExport(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(source), err)
	}
	e := &Export{Source: source, Encoding: enc, opts: opts}
	if err := e.split(text); err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(source), err)
	}
	return e, nil
}

// ParseExport reads every row of a shop export into listings.
func ParseExport(source string, raw []byte) ([]*Listing, error) {
	e, err := ReadExport(source, raw)
	if err != nil {
		return nil, err
	}
	out := make([]*Listing, 0, e.Len())
	for i := range e.Len() {
		l, err := e.Listing(i)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// Len is the number of listing rows.
func (e *Export) Len() int { return len(e.rows) }

// Line is the 1-based line row i starts on.
func (e *Export) Line(i int) int { return e.pos[i][0][0] }

// decodeExport handles what Decode does not: UTF-16 without a byte order
// mark, which 淘宝助理-compatible tools write and whose NUL bytes Decode
// would take for binary.
func decodeExport(raw []byte) (string, string, error) {
	if len(raw) >= 4 && raw[0] != 0 && raw[1] == 0 && raw[3] == 0 && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) {
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", err
		}
		return string(out), "utf-16le", nil
	}
	return Decode(raw, "")
}

// split reads the records, skips the preamble above the header (an
// export time, a shop name), recognises the layout from the header, keeps
// the listing rows with where each cell starts, and reports every column.
func (e *Export) split(text string) error {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	lines := strings.Split(text, "\n")
	var header []string
	skipped, titleCol, titleRunes := 0, -1, e.opts.titleNameRunes()
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("csv: %w", err)
		}
		switch {
		case header == nil && isVersionLine(rec):
			e.Layout = ExportTaobaoAssistant
		case header == nil && blankRecord(rec):
		case header == nil && e.opts.isHeader(rec):
			header, titleCol = rec, e.opts.titleColumn(rec)
		case header == nil && skipped < maxPreamble:
			skipped++ // 导出时间：…, a shop name, a note
		case header == nil:
			return ErrNotExport
		case e.isHeaderRow(rec, titleCol, titleRunes) || blankRecord(rec):
			// 淘宝助理's second header (the Chinese labels), or an empty line
		default:
			e.rows = append(e.rows, rec)
			e.pos = append(e.pos, cellPositions(r, rec, lines))
		}
	}
	if header == nil {
		if skipped > 0 {
			return ErrNotExport
		}
		return ErrEmpty
	}
	e.header = header
	e.columns, e.Columns = e.opts.mapHeader(header, e.rows)
	e.Columns.Preamble = skipped
	if e.Layout == "" {
		e.Layout = ExportColumns
	}
	if len(e.rows) == 0 {
		return ErrNoListing
	}
	return nil
}

// delimiter is TAB when the line with the most separators among the
// first few (the header, past any preamble or version line) has more tabs
// than commas.
func delimiter(text string) rune {
	tabs, commas := 0, 0
	for i, line := range strings.SplitN(text, "\n", maxPreamble+2) {
		if i > maxPreamble {
			break
		}
		t, c := strings.Count(line, "\t"), strings.Count(line, ",")
		if t+c > tabs+commas {
			tabs, commas = t, c
		}
	}
	if tabs > commas {
		return '\t'
	}
	return ','
}

func isVersionLine(rec []string) bool {
	return len(rec) >= 1 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(rec[0])), "version ")
}

// isHeaderRow reports a row whose title cell (column titleCol, the
// header's first title column) names a title column: 淘宝助理's Chinese
// labels under its keys, or a header repeated. The header's title column
// is found once, not again for every row, and a cell of more than
// titleRunes characters (a listing's title) is no name: it is not
// normalised to be looked up (issue 13: an export row).
func (e *Export) isHeaderRow(rec []string, titleCol, titleRunes int) bool {
	if titleCol < 0 || titleCol >= len(rec) || nameRunes(rec[titleCol]) > titleRunes {
		return false
	}
	f, ok := e.opts.fieldOf(rec[titleCol])
	return ok && f == "title"
}

func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cellPositions records where each cell's text starts: its line, and its
// column in characters (past the opening quote of a quoted cell). The
// characters are counted on from the cell before on the same line, not
// from the line's start for every cell: a cell starts after an ASCII
// delimiter, where the count of the line so far adds up.
func cellPositions(r *csv.Reader, rec []string, lines []string) [][2]int {
	out := make([][2]int, len(rec))
	counted := struct{ line, bytes, runes int }{}
	for i := range rec {
		line, col := r.FieldPos(i)
		if line-1 < len(lines) {
			text := lines[line-1]
			b := min(col-1, len(text))
			if line != counted.line || b < counted.bytes {
				counted.line, counted.bytes, counted.runes = line, 0, 0
			}
			counted.runes += utf8.RuneCountInString(text[counted.bytes:b])
			counted.bytes = b
			col = counted.runes + 1
			if b < len(text) && text[b] == '"' {
				col++
			}
		}
		out[i] = [2]int{line, col}
	}
	return out
}
