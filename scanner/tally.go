package scanner

// Tally totals a stream of results without keeping them, for bulk scans
// whose results go straight to a file: the summary and the exit code.
type Tally struct {
	Summary Summary
	failOn  string
	code    int
}

// NewTally starts a tally; failOn is --fail-on (error, warning, info, never).
func NewTally(failOn string) *Tally {
	return &Tally{Summary: NewSummary(), failOn: failOn}
}

// Add counts one result (inputs are counted with AddInput).
func (t *Tally) Add(r Result) {
	t.Summary.Add(r)
	switch {
	case r.Failed() || r.Incomplete():
		t.code = ExitError
	case t.code == ExitClean && hasFailure(r, t.failOn):
		t.code = ExitFindings
	}
}

// AddInput counts one input.
func (t *Tally) AddInput() { t.Summary.Inputs++ }

// ExitCode is what ExitCode would say of every result added.
func (t *Tally) ExitCode() int { return t.code }
