package listings

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseListingFileSpringCollection(t *testing.T) {
	t.Parallel()
	ls, err := ParseListingFile("spring-collection.yaml", fixture(t, "listings", "spring-collection.yaml"))
	if err != nil {
		t.Fatalf("ParseListingFile: %v", err)
	}
	if len(ls) != 4 {
		t.Fatalf("got %d listings, want 4", len(ls))
	}
	linen, silk, socks, tee := ls[0], ls[1], ls[2], ls[3]
	wantPositions(t, linen, map[string]Position{
		"id":           {Line: 2, Column: 8},
		"title":        {Line: 5, Column: 10},
		"price":        {Line: 7, Column: 11},
		"attributes":   {Line: 10, Column: 5},
		"attributes.1": {Line: 11, Column: 5},
		"description":  {Line: 14, Column: 5, Block: true},
		"skus.1":       {Line: 18, Column: 15},
		"promises.1":   {Line: 21, Column: 7},
	})
	if linen.Description != "选用法国进口亚麻，越洗越软。\n宽松版型，遮肉显瘦，通勤休闲都合适。\n洗涤建议：冷水手洗，不可漂白。" {
		t.Errorf("block description = %q", linen.Description)
	}
	if linen.Price != (Price{Min: 149, Max: 159, Currency: "CNY", Text: "149.00 - 159.00"}) {
		t.Errorf("price = %+v", linen.Price)
	}
	wantPositions(t, silk, map[string]Position{
		"attributes.0": {Line: 29, Column: 13},
		"attributes.2": {Line: 33, Column: 13},
		"description":  {Line: 35, Column: 5, Block: true},
		"skus.1":       {Line: 43, Column: 7},
	})
	wantIgnores := []Ignore{{Rule: "ad-absolute", Reason: "标题中的“最”字出自品牌口号“最美锦绣”，已在商标局注册", Position: Position{Line: 39, Column: 13}}}
	if !reflect.DeepEqual(silk.Ignores, wantIgnores) {
		t.Errorf("ignores = %+v, want %+v", silk.Ignores, wantIgnores)
	}
	if silk.Price.Min != 299 || silk.Price.Max != 299 || silk.Price.Currency != "CNY" {
		t.Errorf("number price = %+v", silk.Price)
	}
	wantAttrs := []Attribute{{"品牌", "袜小二"}, {"材质成分", "棉85% 聚酰胺纤维13% 氨纶2%"}, {"规格", "5双装"}}
	if !reflect.DeepEqual(socks.Attributes, wantAttrs) {
		t.Errorf("string-list attributes = %+v", socks.Attributes)
	}
	wantPositions(t, socks, map[string]Position{"attributes.0": {Line: 50, Column: 8}, "attributes.2": {Line: 52, Column: 7}})
	if socks.Description != "精梳棉混纺，吸汗透气。\n加厚毛圈底，久走不累脚。" {
		t.Errorf("HTML description = %q", socks.Description)
	}
	if socks.Price.Min != 39.9 || socks.Price.Max != 59.9 {
		t.Errorf("mapping price = %+v", socks.Price)
	}
	if tee.Subtitle != "" || tee.Platform != "pdd" || tee.Price.Text != "¥29.9" {
		t.Errorf("tee = %+v", tee)
	}
}

// wantPositions checks some of a listing's positions.
func wantPositions(t *testing.T, l *Listing, want map[string]Position) {
	t.Helper()
	for key, p := range want {
		if got, _ := l.Positions.Get(key); got != p {
			t.Errorf("%s: position of %s = %+v, want %+v", l.ID, key, got, p)
		}
	}
}

func TestParseListingFileJSON(t *testing.T) {
	t.Parallel()
	ls, err := ParseListingFile("kids-pajamas.json", fixture(t, "listings", "kids-pajamas.json"))
	if err != nil {
		t.Fatalf("ParseListingFile: %v", err)
	}
	if len(ls) != 1 {
		t.Fatalf("got %d listings, want 1", len(ls))
	}
	l := ls[0]
	// The file is indented with tabs; columns count a tab as one character.
	wantPositions(t, l, map[string]Position{
		"id":           {Line: 2, Column: 9},
		"title":        {Line: 5, Column: 12},
		"attributes":   {Line: 9, Column: 16},
		"attributes.1": {Line: 11, Column: 13},
		"description":  {Line: 15, Column: 18},
		"skus.2":       {Line: 16, Column: 26},
	})
	if l.Price.Min != 89 || l.Price.Max != 109 || l.Encoding != "utf-8" || len(l.Promises) != 2 {
		t.Errorf("listing = %+v", l)
	}
	if len(l.Ignores) != 1 || l.Ignores[0].Rule != "material-fiber" || l.Ignores[0].Position != (Position{Line: 19, Column: 13}) {
		t.Errorf("ignores = %+v", l.Ignores)
	}
}

func TestParseListingFileForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		src   string
		ids   []string
		attrs []Attribute
	}{
		{"single mapping", "title: 毛巾\nattributes:\n  材质: 棉100%\n", []string{"towel"}, []Attribute{{"材质", "棉100%"}}},
		{"list gets numbered ids", "- title: 一\n- title: 二\n  id: 7\n- title: 三\n", []string{"towel-1", "7", "towel-3"}, nil},
		{"name/value list", "title: t\nattributes:\n  - {name: 填充物, value: 白鹅绒}\n  - name: 含绒量\n    value: 95%\n",
			[]string{"towel"}, []Attribute{{"填充物", "白鹅绒"}, {"含绒量", "95%"}}},
		{"one-pair mappings and strings", "title: t\nattributes:\n  - 充绒量: 180\n  - \"面料：锦纶\"\n",
			[]string{"towel"}, []Attribute{{"充绒量", "180"}, {"面料", "锦纶"}}},
		{"json list", `[{"title": "a", "attributes": {"品牌": "X"}}, {"title": "b"}]`, []string{"towel-1", "towel-2"}, []Attribute{{"品牌", "X"}}},
		{"several documents", "title: a\n---\ntitle: b\n", []string{"towel-1", "towel-2"}, nil},
		{"anchors and nulls", "- &base\n  title: a\n  subtitle:\n- title: b\n  attributes: {品牌: &b Y, 厂商: *b}\n", []string{"towel-1", "towel-2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ls, err := ParseListingFile("towel.yaml", []byte(tt.src))
			if err != nil {
				t.Fatalf("ParseListingFile: %v", err)
			}
			var ids []string
			for _, l := range ls {
				ids = append(ids, l.ID)
			}
			if !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("ids = %q, want %q", ids, tt.ids)
			}
			if tt.attrs != nil && !reflect.DeepEqual(ls[0].Attributes, tt.attrs) {
				t.Errorf("attributes = %+v, want %+v", ls[0].Attributes, tt.attrs)
			}
		})
	}
}

func TestParseListingFileErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want error
		msg  string // substring of the message
	}{
		{"unknown key", "title: 毛巾\ncolour: 白\n", ErrUnknownKey, `line 2, column 1: unknown key "colour"`},
		{"unknown key in a list", "- title: a\n- title: b\n  prise: 9\n", ErrUnknownKey, `line 3, column 3: unknown key "prise"`},
		{"unknown attribute key", "title: a\nattributes:\n  - {name: a, valeu: b}\n", ErrUnknownKey, `"attributes.0.valeu"`},
		{"unknown ignore key", "title: a\nignore:\n  - {rule: ad-absolute, why: x}\n", ErrUnknownKey, `"ignore.0.why"`},
		{"duplicate key", "title: a\ntitle: b\n", ErrInvalidValue, "duplicate key"},
		{"bad price", "title: a\nprice: 面议\n", ErrInvalidValue, `line 2, column 8: invalid value "price"`},
		{"bad price mapping", "title: a\nprice: {min: x}\n", ErrInvalidValue, `"price.min"`},
		{"title is a list", "title: [a, b]\n", ErrInvalidValue, `"title": want text`},
		{"skus not a list", "title: a\nskus: 红色\n", ErrInvalidValue, `"skus"`},
		{"bad attribute string", "title: a\nattributes: [没有冒号]\n", ErrInvalidValue, `"attributes.0"`},
		{"scalar root", "just text\n", ErrInvalidValue, "want a mapping"},
		{"list of scalars", "- a\n- b\n", ErrInvalidValue, `"listing 1"`},
		{"empty list", "[]\n", ErrNoListing, ""},
		{"comment only", "# nothing yet\n", ErrNoListing, ""},
		{"syntax", "title: [a\n", nil, "syntax: yaml: line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseListingFile("bad.yaml", []byte(tt.src))
			if err == nil {
				t.Fatal("want an error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to hold %q", err, tt.msg)
			}
		})
	}
}

func TestParseListingFileFieldErrorType(t *testing.T) {
	t.Parallel()
	_, err := ParseListingFile("x.yaml", []byte("title: a\n\n  # c\nsize: L\n"))
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "size" || fe.Line != 4 || fe.Column != 1 {
		t.Fatalf("err = %#v, want a FieldError for size at 4:1", err)
	}
}

// TestParseJSONKeepsCharactersYAMLRefuses: scraped titles carry raw C1
// controls and line separators, which JSON allows inside strings and YAML
// does not; the listing still parses and keeps them.
func TestParseJSONKeepsCharactersYAMLRefuses(t *testing.T) {
	t.Parallel()
	title := "造型师头发复古油头男士大背头神器\u0086ㄠ啾\u2028第二行\u007f"
	raw := "{\"title\": \"" + title + "\", \"subtitle\": \"现货\u0085速发\"}"
	ls, err := ParseListingFile("t.json", []byte(raw))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if ls[0].Title != title || ls[0].Subtitle != "现货\u0085速发" {
		t.Errorf("title %q subtitle %q", ls[0].Title, ls[0].Subtitle)
	}
}
