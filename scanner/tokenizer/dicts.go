package tokenizer

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// dictFS holds cppjieba's dictionaries (MIT, see dict/LICENSE.cppjieba; the
// large ones gzipped), xiaoer's domain dictionary and a one-line IDF file
// (keyword extraction is never used, but cppjieba insists on loading one).
//
//go:embed dict
var dictFS embed.FS

// dictFiles are the files gojieba.NewJieba takes, in its argument order.
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

func dictPaths(dir string) []string {
	paths := make([]string, len(dictFiles))
	for i, name := range dictFiles {
		paths[i] = filepath.Join(dir, name)
	}
	return paths
}

// unpackDicts writes the dictionaries into a directory named after their
// content hash under the user cache (or temp) directory, once: later runs
// find it complete and reuse it. It writes to a fresh directory and renames
// it into place, so concurrent first runs never see half-written files.
func unpackDicts() (string, error) {
	files, sum, err := readDicts()
	if err != nil {
		return "", err
	}
	base, err := cacheBase()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(base, "dict-"+sum)
	if complete(dir) {
		return dir, nil
	}
	tmp, err := os.MkdirTemp(base, "dict-tmp-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, dir); err != nil && !complete(dir) {
		return "", err
	}
	return dir, nil
}

// readDicts returns every dictionary file, gunzipped, and their content hash.
func readDicts() (map[string][]byte, string, error) {
	files := make(map[string][]byte, len(dictFiles))
	h := sha256.New()
	for _, name := range dictFiles {
		data, err := readDict(name)
		if err != nil {
			return nil, "", fmt.Errorf("embedded %s: %w", name, err)
		}
		files[name] = data
		h.Write([]byte(name))
		h.Write(data)
	}
	return files, hex.EncodeToString(h.Sum(nil))[:16], nil
}

func readDict(name string) ([]byte, error) {
	if data, err := dictFS.ReadFile("dict/" + name); err == nil {
		return data, nil
	}
	gz, err := dictFS.ReadFile("dict/" + name + ".gz")
	if err != nil {
		return nil, err
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func cacheBase() (string, error) {
	if dir, err := os.UserCacheDir(); err == nil {
		base := filepath.Join(dir, "xiaoer")
		if os.MkdirAll(base, 0o755) == nil && writable(base) {
			return base, nil
		}
	}
	base := filepath.Join(os.TempDir(), "xiaoer-"+strings.ReplaceAll(os.Getenv("USER"), "/", ""))
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", fmt.Errorf("no writable cache directory: %w", err)
	}
	return base, nil
}

func writable(dir string) bool {
	f, err := os.CreateTemp(dir, ".probe-")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// complete reports whether dir holds every dictionary file, non-empty.
func complete(dir string) bool {
	for _, name := range dictFiles {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			return false
		}
	}
	return true
}
