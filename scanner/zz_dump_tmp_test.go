package scanner

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

func TestZZDumpDoc(t *testing.T) {
	title := os.Getenv("DUMP_TITLE")
	if title == "" {
		t.Skip()
	}
	l := &listings.Listing{ID: "x", Source: "s", Platform: "taobao", Title: title, Description: os.Getenv("DUMP_DESC")}
	_, doc, err := checker(t).CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(doc)
	os.WriteFile("/tmp/doc.json", b, 0o644)
}
