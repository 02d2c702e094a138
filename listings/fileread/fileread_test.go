package fileread

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOpenRefusesFIFOWithoutBlocking(t *testing.T) {
	p := filepath.Join(t.TempDir(), "orders.csv")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	_, err := ReadAll(p, 1<<20)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "named pipe") {
		t.Fatalf("FIFO: got %v, want a not-regular error naming a named pipe", err)
	}
}

func TestOpenRefusesDevicesAndDirectories(t *testing.T) {
	for _, p := range []string{"/dev/zero", t.TempDir()} {
		if _, err := ReadAll(p, 1<<20); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: got %v, want ErrNotRegular", p, err)
		}
	}
}

func TestReadAllLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(p, []byte(strings.Repeat("x", 2048)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAll(p, 1024); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1024 bytes") {
		t.Fatalf("over the limit: got %v", err)
	}
	raw, err := ReadAll(p, 2048)
	if err != nil || len(raw) != 2048 {
		t.Fatalf("at the limit: got %d bytes, %v", len(raw), err)
	}
}

func TestReadStopsWhenTheFileGrows(t *testing.T) {
	p := filepath.Join(t.TempDir(), "grows.csv")
	if err := os.WriteFile(p, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(p, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.WriteFile(p, []byte("abcdefgh"), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	n, _ := f.Read(buf)
	if n != 4 {
		t.Fatalf("first read: %d bytes, want 4", n)
	}
	if _, err := f.Read(buf); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("second read: %v, want ErrTooLarge", err)
	}
}
