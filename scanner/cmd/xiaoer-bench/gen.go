package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// template is one fixture page, decoded, with the listing it holds.
type template struct {
	name    string
	text    string
	gb      bool // written back as GB18030, as it came
	listing *listings.Listing
}

func loadTemplates(dir string) ([]template, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no fixture pages in %s (run from the repository root or give -pages)", dir)
	}
	var out []template
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		text, enc, err := listings.Decode(raw, "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		l, err := listings.ParseHTMLText(p, text, enc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, template{name: filepath.Base(p), text: text, gb: listings.BaseEncoding(enc) == listings.EncodingGB18030, listing: l})
	}
	return out, nil
}

// Word pools for the variations: what sellers write, some of it the kind
// of claim the rules flag, most of it not.
var (
	seasons = []string{"2026秋冬新款", "2026夏季新款", "春秋款", "冬季加厚", "新品上市", "官方正品", "店长推荐", ""}
	claims  = []string{"", "", "", "全网最低价", "国家级工艺", "销量第一", "限时特价", "现货速发", "百搭款", "高品质", "假一赔十"}
	lines   = []string{
		"选用优质面料，做工精细，走线均匀。", "支持七天无理由退换货。", "下单后48小时内发货，江浙沪次日达。",
		"本店所有商品均为正品，假一赔十。", "最好的选择，送礼佳品。", "洗涤建议：冷水手洗，不可漂白，阴凉处晾干。",
		"面料：棉100%", "材质成分：聚酯纤维100%", "销量突破10万件，好评率99%。", "限时抢购，随时涨价。",
		"尺码偏小，建议拍大一码。", "颜色以实物为准，不同显示器略有色差。", "包装清单：主体×1，说明书×1。",
	}
	values = []string{"棉95% 氨纶5%", "聚酯纤维100%", "棉100%", "羊毛70% 聚酯纤维30%", "桑蚕丝100%", "黑色 白色 灰色", "S M L XL XXL", "2026年秋季"}
)

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// variant is page i: a template with its title, an attribute value, a
// description line and its item id changed.
func variant(r *rand.Rand, t template, i int) string {
	l := t.listing
	page := t.text
	title := strings.TrimSpace(pick(r, seasons) + dropRunes(l.Title, r.IntN(4)) + " " + pick(r, claims) + " 款" + strconv.Itoa(100+r.IntN(900)))
	page = strings.ReplaceAll(page, l.Title, title)
	if len(l.Attributes) > 0 {
		a := l.Attributes[r.IntN(len(l.Attributes))]
		if utf8.RuneCountInString(a.Value) >= 4 {
			page = strings.ReplaceAll(page, a.Value, pick(r, values))
		}
	}
	if descLines := strings.Split(l.Description, "\n"); len(descLines) > 0 {
		if old := descLines[r.IntN(len(descLines))]; utf8.RuneCountInString(old) >= 6 {
			page = strings.Replace(page, old, pick(r, lines)+pick(r, lines), 1)
		}
	}
	if l.ID != "" {
		page = strings.ReplaceAll(page, l.ID, strconv.Itoa(700000000000+i))
	}
	return page
}

// encode writes a page back in its template's encoding.
func encode(t template, page string) []byte {
	if t.gb {
		if b, err := simplifiedchinese.GB18030.NewEncoder().String(page); err == nil {
			return []byte(b)
		}
	}
	return []byte(page)
}

func dropRunes(s string, n int) string {
	for ; n > 0 && s != ""; n-- {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

// pad grows a page to about size bytes with what makes real item pages
// large. A saved Taobao item page (293 KB) is 56% inline script, 10%
// style and the rest markup with 2.7 K characters of visible text; the
// saved Tmall page (775 KB) is 22% script, 25% style. The added bytes are
// 15% style sheet, 35% "you may also like" markup (links, images,
// prices) and 50% inline script holding the SKU price and stock map. The
// listing does not change: the markup is in a block no layout reads, and
// its text has no "name: value" pairs.
func pad(r *rand.Rand, page string, size int) string {
	extra := size - len(page)
	if extra <= 0 {
		return page
	}
	var b strings.Builder
	b.WriteString("<style>\n")
	for b.Len() < extra*15/100 {
		fmt.Fprintf(&b, ".tb-r%d .item-%d{margin:%dpx 0;padding:0 %dpx;color:#%06x;background:url(//img.alicdn.com/tps/i%d.png) no-repeat}\n",
			r.IntN(900), r.IntN(90), r.IntN(20), r.IntN(20), r.IntN(1<<24), r.IntN(99999))
	}
	b.WriteString("</style>\n<div class=\"tb-recommend\" data-spm=\"1000983\"><ul>\n")
	for b.Len() < extra*50/100 {
		id := 500000000000 + r.Int64N(99999999999)
		fmt.Fprintf(&b, `<li class="item"><a href="//item.taobao.com/item.htm?id=%d" target="_blank" data-spm-anchor-id="a1z10.%d">`+
			`<img src="//img.alicdn.com/imgextra/i%d/%d.jpg_180x180q90.jpg" alt="" width="180" height="180"></a>`+
			"<p class=\"price\"><em>¥</em><span>%d.00</span></p><p class=\"sold\">月销 %d</p></li>\n",
			id, r.IntN(9999), r.IntN(4)+1, id, 19+r.IntN(500), r.IntN(5000))
	}
	b.WriteString("</ul></div>\n<script>\nTShop.Setup({\"valItemInfo\":{\"skuMap\":{")
	for i := 0; b.Len() < extra-64; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `";1627207:%d;20509:%d;":{"price":"%d.00","stock":"%d","skuId":"%d","oversold":false}`,
			28300+r.IntN(90), 28310+r.IntN(20), 19+r.IntN(500), r.IntN(2000), 4000000000000+r.Int64N(999999999))
	}
	b.WriteString("}}});\n</script>\n")
	i := strings.LastIndex(page, "</body>")
	if i < 0 {
		return page + b.String()
	}
	return page[:i] + b.String() + page[i:]
}

// generate writes n pages into a new directory and returns it with the
// bytes written; padKB > 0 grows each page to about that size.
func generate(templates []template, n int, seed uint64, padKB int) (string, int64, error) {
	dir, err := os.MkdirTemp("", fmt.Sprintf("xiaoer-bench-%d-", n))
	if err != nil {
		return "", 0, err
	}
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	var total int64
	for i := range n {
		t := templates[r.IntN(len(templates))]
		// Padding draws from its own source, so the listings are the same
		// whatever the padding.
		padding := rand.New(rand.NewPCG(seed, uint64(i)))
		page := encode(t, pad(padding, variant(r, t, i), padKB<<10))
		name := filepath.Join(dir, fmt.Sprintf("p%06d-%s", i, t.name))
		if err := os.WriteFile(name, page, 0o644); err != nil {
			return "", 0, err
		}
		total += int64(len(page))
	}
	return dir, total, nil
}
