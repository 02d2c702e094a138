package scanner

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// TestToASTMatchesJSON: building the token arrays directly must give the
// same input as converting the whole document through JSON.
func TestToASTMatchesJSON(t *testing.T) {
	t.Parallel()
	l := &listings.Listing{ID: "1", Source: "a.yaml", Platform: "taobao", Title: "全网最低价 纯棉T恤",
		Description: "精选白鸭绒，含绒量90%。\n48小时内发货，包邮。", SKUs: []string{"黑色 M"},
		Attributes: []listings.Attribute{{Name: "材质成分", Value: "棉100%"}}, Price: listings.Price{Min: 99}}
	doc := checker(t).Builder.Build(l)
	direct, err := toAST(doc)
	if err != nil {
		t.Fatal(err)
	}
	viaJSON, err := jsonToAST(doc)
	if err != nil {
		t.Fatal(err)
	}
	if direct.Compare(viaJSON) != 0 {
		t.Errorf("direct conversion differs:\n%v\nvia JSON:\n%v", direct, viaJSON)
	}
	if len(doc.Listing.Fields["description"].Tokens) == 0 {
		t.Error("no tokens: the test compares nothing")
	}
}
