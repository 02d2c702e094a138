package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sampleReport is a run over four inputs: a listing file with an open
// error, a listing-suppressed error and a reasonless suppression; an HTML page whose
// finding has no line; an unreadable file; and a clean listing.
func sampleReport() *Report {
	boom := "open listings/broken.yaml: permission denied"
	absolute := finding.Basis{Law: "《广告法》第九条第三项", Penalty: "《广告法》第五十七条第一项", Link: "https://www.samr.gov.cn/", Confirmed: true}
	brand := finding.Basis{Law: "《商标法》第五十七条", Confirmed: false, Note: "示例策略"}
	return &Report{
		Version: Version,
		Tool:    Tool{Name: "xiaoer", Version: "v0.0.0-test", PolicyRevision: "2026.11.0", OPAVersion: "1.22.2"},
		Rules: []finding.RuleMeta{
			{ID: "ad-absolute", Title: "绝对化用语", Severity: "error", Kinds: []string{"listing"},
				Description: "广告中使用「国家级」「最高级」「最佳」等绝对化用语。", Basis: absolute, Suggestion: "删除绝对化用语，改为可以证明的具体描述。"},
			{ID: "competitor-brand", Title: "标题使用他人品牌", Severity: "error", Kinds: []string{"listing"},
				Description: "标题或副标题中出现他人品牌名。", Basis: brand, Suggestion: "删除他人品牌名。"},
			engine.ToolRules[0],
		},
		Summary: scanner.Summary{Inputs: 4, Listings: 3, Findings: 3, Suppressed: 1, Errors: 1,
			BySeverity: map[string]int{"error": 2, "warning": 1}, ByRule: map[string]int{"ad-absolute": 1, "competitor-brand": 1, "suppression-without-reason": 1},
			Exposure: scanner.ExposureTotal{PunitiveCNY: 597, FineCNY: [2]float64{200000, 1000000}}},
		Results: []scanner.Result{
			{Input: 0, Source: "listings/纯棉T恤.yaml", Kind: "listing", ID: "SKU-1001", Title: "国家级工艺 纯棉T恤", Platform: "taobao", Encoding: "utf-8", Price: 199,
				Findings: []finding.Finding{
					{Rule: "ad-absolute", Severity: "error", Message: "绝对化用语「国家级」", Field: "title", Evidence: "国家级", Context: "国家级工艺 纯棉T恤",
						Span: finding.Span{Start: 0, End: 9}, Location: &finding.Location{File: "listings/纯棉T恤.yaml", Line: 3, Column: 8},
						Basis: absolute, Suggestion: "删除，或写出获得的具体认证及编号",
						Exposure:    finding.Exposure{PunitiveCNY: 597, FineCNY: [2]float64{200000, 1000000}, Basis: []string{"消法 §55", "广告法 §57"}, Confirmed: true},
						Fingerprint: "1a2b3c4d5e6f70819203"},
					{Rule: "competitor-brand", Severity: "error", Message: "标题使用他人品牌「耐克」", Field: "subtitle", Evidence: "耐克",
						Span: finding.Span{Start: 0, End: 6}, Location: &finding.Location{File: "listings/纯棉T恤.yaml", Line: 4, Column: 11},
						Basis: brand, Suggestion: "删除他人品牌名。", Exposure: finding.Exposure{Basis: []string{}},
						Fingerprint: "aa00bb11cc22dd33ee44", Suppressed: &finding.Suppression{Reason: "耐克授权经销，授权书编号 NK-2026-001", Source: "listing"}},
					{Rule: "suppression-without-reason", Severity: "warning", Message: "豁免「ad-absolute」没有写理由，未生效",
						Suggestion: engine.ToolRules[0].Suggestion, Details: map[string]any{"ignored_rule": "ad-absolute"},
						Location: &finding.Location{File: "listings/纯棉T恤.yaml", Line: 9, Column: 11},
						Basis:    engine.ToolRules[0].Basis, Exposure: finding.Exposure{Basis: []string{}, Confirmed: true}, Fingerprint: "99887766554433221100"},
				},
				Exposure: scanner.ExposureTotal{PunitiveCNY: 597, FineCNY: [2]float64{200000, 1000000}}},
			{Input: 1, Source: "pages/item.html", Kind: "listing", ID: "562283240178", Title: "男士跑鞋", Platform: "taobao", Encoding: "gb18030",
				Findings: []finding.Finding{
					{Rule: "competitor-brand", Severity: "error", Message: "标题使用他人品牌「阿迪达斯」", Field: "title", Evidence: "阿迪达斯",
						Basis: brand, Suggestion: "删除他人品牌名。", Exposure: finding.Exposure{Basis: []string{}}, Fingerprint: "0f0e0d0c0b0a09080706"},
				}},
			{Input: 2, Source: "listings/broken.yaml", Kind: "listing", Findings: []finding.Finding{}, Error: &boom},
			{Input: 3, Source: "listings/clean.yaml", Kind: "listing", ID: "SKU-1002", Title: "棉麻衬衫", Findings: []finding.Finding{}},
		},
	}
}

func render(t *testing.T, format string, r *Report) []byte {
	t.Helper()
	rep, err := Get(format, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Report(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCIFormatsGolden compares each CI format byte for byte with its golden
// file; run `go test ./scanner/report/ -update` after a deliberate change
// and review the diff.
func TestCIFormatsGolden(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"sarif", "junit", "github", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			got := render(t, format, sampleReport())
			path := filepath.Join("testdata", "golden", format+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run with -update and review the diff):\n%s", format, path, got)
			}
		})
	}
}

func TestJSONLStreamsCompleteLines(t *testing.T) {
	t.Parallel()
	r := sampleReport()
	var buf bytes.Buffer
	j := &JSONL{}
	if err := j.Start(&buf, r); err != nil {
		t.Fatal(err)
	}
	for i, res := range r.Results {
		if err := j.Add(res); err != nil {
			t.Fatal(err)
		}
		// Before Finish, every result so far is a complete line.
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != i+1 {
			t.Fatalf("after %d results, %d lines", i+1, len(lines))
		}
		var back scanner.Result
		if err := json.Unmarshal([]byte(lines[i]), &back); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if back.Input != res.Input || back.Source != res.Source || len(back.Findings) != len(res.Findings) {
			t.Errorf("line %d decodes to input %d %s with %d findings", i, back.Input, back.Source, len(back.Findings))
		}
	}
	if err := j.Finish(r.Summary); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), render(t, "jsonl", r)) {
		t.Error("streamed output differs from Report's")
	}
}

func TestGitHubEscapesCommandText(t *testing.T) {
	t.Parallel()
	r := &Report{Summary: scanner.NewSummary(), Results: []scanner.Result{{Source: "a,b:c.yaml", Findings: []finding.Finding{{
		Rule: "ad-absolute", Severity: "warning", Message: "100%纯棉\n第二行", Evidence: "纯棉",
		Location: &finding.Location{File: "a,b:c.yaml", Line: 2, Column: 5}, Basis: finding.Basis{Law: "GB/T 29862", Confirmed: true},
	}}}}}
	got := string(render(t, "github", r))
	want := "::warning file=a%2Cb%3Ac.yaml,line=2,endLine=2,col=5,endColumn=7,title=ad-absolute::100%25纯棉%0A第二行%0A依据: GB/T 29862\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
}

func TestFormatsListsCIFormats(t *testing.T) {
	t.Parallel()
	have := strings.Join(Formats(), " ")
	for _, f := range []string{"sarif", "junit", "github", "jsonl"} {
		if !strings.Contains(have, f) {
			t.Errorf("Formats() = %s, missing %s", have, f)
		}
	}
}
