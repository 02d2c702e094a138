// Package progress draws the progress bar of a long scan on a terminal, and
// nothing anywhere else.
package progress

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Bar shows done/total inputs, the rate and the time left on a
// terminal. A nil *Bar does nothing, so callers need not check.
type Bar struct {
	bar *progressbar.ProgressBar
}

// New returns a progress bar for total inputs on w, or nil when w
// is not a terminal (a log file or a pipe gets no bar at all).
func New(w io.Writer, total int, description string) *Bar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || total <= 0 {
		return nil
	}
	return newProgress(w, total, description)
}

// newProgress draws on any writer (tests).
func newProgress(w io.Writer, total int, description string) *Bar {
	return &Bar{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("inputs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionFullWidth(),
		progressbar.OptionOnCompletion(func() { io.WriteString(w, "\n") }),
	)}
}

// Done counts one input as finished.
func (p *Bar) Done() {
	if p != nil {
		p.bar.Add(1)
	}
}

// Close ends the bar where it stands (a run stopped early does not show
// 100%) and moves to the next line; a bar that reached its total has done
// so already.
func (p *Bar) Close() {
	if p != nil && !p.bar.IsFinished() {
		p.bar.Exit()
	}
}
