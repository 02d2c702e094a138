package tokenizer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"hash/crc32"
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
// content sum under the user cache (or temp) directory, once: later runs
// find it complete and reuse it. The sum is taken of the embedded bytes
// (the large files gzipped), so a later run gunzips nothing before
// gojieba can start loading. Each file is written under
// a temporary name and renamed into place, so concurrent first runs never
// see a half-written file, and a directory left incomplete is filled in.
func unpackDicts() (string, error) {
	base, err := cacheBase()
	if err != nil {
		return "", err
	}
	sum, err := embeddedSum()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(base, "dict-"+sum)
	if complete(dir) {
		return dir, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, name := range dictFiles {
		if err := unpackDict(dir, name); err != nil {
			return "", fmt.Errorf("unpack %s: %w", name, err)
		}
	}
	return dir, nil
}

// unpackDict writes one dictionary file into dir unless it is there.
func unpackDict(dir, name string) error {
	path := filepath.Join(dir, name)
	if present(path) {
		return nil
	}
	data, err := readDict(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+name+"-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails once renamed: nothing left behind
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644) // as os.WriteFile would: CreateTemp makes 0600
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// embeddedSum sums every dictionary file as it is embedded (gzipped or
// not): the same bytes unpack to the same files. The sum only tells one
// build's dictionaries from another's (whoever can write the cache can
// write any file there), so a CRC-32C, which the CPU computes, serves:
// SHA-256 of the 2 MB took about 65M instructions before every start.
func embeddedSum() (string, error) {
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	size := 0
	for _, name := range dictFiles {
		stored, data, err := embedded(name)
		if err != nil {
			return "", fmt.Errorf("embedded %s: %w", name, err)
		}
		h.Write([]byte(stored))
		h.Write(data)
		size += len(stored) + len(data)
	}
	return fmt.Sprintf("%08x-%d", h.Sum32(), size), nil
}

// embedded is the dictionary file as stored in dictFS: its name there
// (with .gz when gzipped) and its bytes.
func embedded(name string) (string, []byte, error) {
	if data, err := dictFS.ReadFile("dict/" + name); err == nil {
		return name, data, nil
	}
	gz, err := dictFS.ReadFile("dict/" + name + ".gz")
	return name + ".gz", gz, err
}

// readDict is the dictionary file's content, gunzipped when stored so.
func readDict(name string) ([]byte, error) {
	stored, data, err := embedded(name)
	if err != nil || !strings.HasSuffix(stored, ".gz") {
		return data, err
	}
	r, err := gzip.NewReader(bytes.NewReader(data))
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
		if !present(filepath.Join(dir, name)) {
			return false
		}
	}
	return true
}

// present: the file is there and not empty.
func present(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > 0
}
