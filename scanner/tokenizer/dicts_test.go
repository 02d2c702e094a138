package tokenizer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The dictionaries unpack once into a directory named after the embedded
// bytes, gunzipped; a later run reuses that directory as it is, and a
// directory missing a file is written again.
func TestUnpackDictsOnceAndReuses(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir, err := unpackDicts()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range dictFiles {
		want, err := readDict(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes unpacked, want the %d embedded", name, len(got), len(want))
		}
	}
	if head, _ := os.ReadFile(filepath.Join(dir, "jieba.dict.utf8")); bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		t.Error("jieba.dict.utf8 unpacked still gzipped")
	}
	old := time.Now().Add(-time.Hour)
	main := filepath.Join(dir, "jieba.dict.utf8")
	if err := os.Chtimes(main, old, old); err != nil {
		t.Fatal(err)
	}
	again, err := unpackDicts()
	if err != nil || again != dir {
		t.Fatalf("second run: %q, %v; want %q", again, err, dir)
	}
	if st, _ := os.Stat(main); !st.ModTime().Equal(old) {
		t.Error("second run wrote the dictionaries again")
	}
	if err := os.Remove(filepath.Join(dir, "hmm_model.utf8")); err != nil {
		t.Fatal(err)
	}
	if _, err := unpackDicts(); err != nil {
		t.Fatal(err)
	}
	if !complete(dir) {
		t.Error("a directory missing a file was not written again")
	}
}
