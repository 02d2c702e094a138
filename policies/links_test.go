package policies

import (
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// linkField is a basis link as the rules and tables write it ("link": "…").
var linkField = regexp.MustCompile(`"link":\s*"([^"]*)"`)

// TestBasisLinksAreOfficial: a finding cites the law from an official
// source, so every basis link in the bundle (rule meta and data tables) is
// a government site (*.gov.cn: npc.gov.cn, flk.npc.gov.cn, samr.gov.cn,
// gov.cn) or empty (the name and article are the citation).
func TestBasisLinksAreOfficial(t *testing.T) {
	t.Parallel()
	checked := 0
	err := fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, ".json")) {
			return err
		}
		raw, err := fs.ReadFile(FS(), path)
		if err != nil {
			return err
		}
		for _, m := range linkField.FindAllStringSubmatch(string(raw), -1) {
			checked++
			if m[1] != "" && !officialLink(m[1]) {
				t.Errorf("%s: basis link %s is not a government site", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no basis links found: the pattern no longer matches the bundle")
	}
}

func officialLink(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return false
	}
	host := strings.ToLower(u.Hostname())
	return host == "gov.cn" || strings.HasSuffix(host, ".gov.cn")
}

func TestOfficialLink(t *testing.T) {
	for link, want := range map[string]bool{
		"https://flk.npc.gov.cn/": true, "https://www.samr.gov.cn/x": true, "http://www.gov.cn/zhengce": true,
		"http://shuibeng.org/news/1954.html": false, "https://gov.cn.example.com/": false, "ftp://www.gov.cn/": false,
	} {
		if got := officialLink(link); got != want {
			t.Errorf("officialLink(%q) = %v, want %v", link, got, want)
		}
	}
}
