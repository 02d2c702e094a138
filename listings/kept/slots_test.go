package kept

import (
	"hash/maphash"
	"testing"
)

func TestSlotsKeepAtSecondSightWithinBudget(t *testing.T) {
	var s Slots[string]
	const h = 12345
	if s.MetBefore(h) {
		t.Fatal("a new hash was met before")
	}
	if !s.MetBefore(h) {
		t.Fatal("a hash met once was not met before")
	}
	if !s.Reserve(10, 16) {
		t.Fatal("10 of a budget of 16 was refused")
	}
	first := "first"
	s.Put(h, nil, &first, 10)
	if got := s.At(h); got == nil || *got != "first" {
		t.Fatalf("At = %v, want the entry put", got)
	}
	if s.Reserve(10, 16) {
		t.Error("a budget of 16 took 10 twice")
	}
	if s.Size() != 10 {
		t.Errorf("Size = %d after a refused reserve, want 10", s.Size())
	}
}

func TestSlotsPutLosesToAnotherWorker(t *testing.T) {
	var s Slots[string]
	const h = 7
	mine, theirs := "mine", "theirs"
	s.Reserve(4, 100)
	s.Put(h, nil, &theirs, 4)
	s.Reserve(5, 100)
	s.Put(h, nil, &mine, 5) // the slot no longer holds nil
	if got := s.At(h); got != &theirs {
		t.Fatalf("At = %v, want the first entry kept", got)
	}
	if s.Size() != 4 {
		t.Errorf("Size = %d, want the lost put's 5 given back", s.Size())
	}
	var n int
	for range s.All() {
		n++
	}
	if n != 1 {
		t.Errorf("All gave %d entries, want 1", n)
	}
}

func TestFieldHashSeparatesNameFromText(t *testing.T) {
	seed := maphash.MakeSeed()
	if FieldHash(seed, "ab", "c") == FieldHash(seed, "a", "bc") {
		t.Error("name ab, text c hashed as name a, text bc")
	}
	if h := FieldHash(seed, "desc", "x"); h != FieldHash(seed, "desc", "x") {
		t.Error("one field hashed two ways")
	}
}
