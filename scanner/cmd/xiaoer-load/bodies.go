package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// request is one body to post and its endpoint.
type request struct {
	path        string
	contentType string
	body        []byte
}

// builtinTitles are used when no -titles file is given: realistic titles,
// some with findings, some clean.
var builtinTitles = []string{
	"2024夏季新款纯棉短袖T恤男宽松圆领体恤 全网最低价 百搭半袖打底衫",
	"羽绒服女中长款2024冬季新款白鸭绒加厚外套 90绒 现货速发",
	"高仿名牌包包女原单复刻 假一赔十 顶级品质",
	"三只松鼠花草茶茶泡袋 枸杞茶150g 包邮",
	"纯羊毛围巾女冬季百搭保暖披肩 国家级品质 仅此一次",
	"机械键盘 87键 热插拔 RGB背光 游戏办公两用",
}

// bodies builds the requests a run cycles through.
func bodies(cfg config) ([]request, error) {
	if cfg.mode == "page" {
		raw, err := os.ReadFile(cfg.page)
		if err != nil {
			return nil, fmt.Errorf("read page: %w", err)
		}
		return []request{{path: "/v1/check", contentType: "text/html", body: raw}}, nil
	}
	titles := builtinTitles
	if cfg.titles != "" {
		raw, err := os.ReadFile(cfg.titles)
		if err != nil {
			return nil, fmt.Errorf("read titles: %w", err)
		}
		titles = nil
		for _, line := range strings.Split(string(raw), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				titles = append(titles, line)
			}
		}
	}
	if cfg.batch > 0 {
		return batches(titles, cfg.batch)
	}
	out := make([]request, 0, len(titles))
	for _, t := range titles {
		body, err := json.Marshal(map[string]string{"title": t})
		if err != nil {
			return nil, err
		}
		out = append(out, request{path: "/v1/check", contentType: "application/json", body: body})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no titles in %s", cfg.titles)
	}
	return out, nil
}

// batches groups titles into JSON arrays for /v1/check/batch.
func batches(titles []string, size int) ([]request, error) {
	var out []request
	for start := 0; start < len(titles); start += size {
		group := make([]map[string]string, 0, size)
		for _, t := range titles[start:min(start+size, len(titles))] {
			group = append(group, map[string]string{"title": t})
		}
		body, err := json.Marshal(group)
		if err != nil {
			return nil, err
		}
		out = append(out, request{path: "/v1/check/batch", contentType: "application/json", body: body})
	}
	return out, nil
}
