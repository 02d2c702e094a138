package report

import "testing"

func TestTerminalEscapesWhatTakesOverATerminal(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"纯棉T恤 全网最低价", "纯棉T恤 全网最低价"},
		{"第一行\n第二行\r", `第一行\n第二行\r`},
		{"\x1b[2J\x1b]0;owned\x07标题", `\x1b[2J\x1b]0;owned\x07标题`},
		{"价格\u202e99.0", `价格\u202e99.0`},
		{"C1 \u009b31m", `C1 \u009b31m`},
		{"bad \xff byte", `bad \xff byte`},
		{"nul\x00after", `nul\x00after`},
		{"tab\there", `tab\there`},
	}
	for _, tt := range tests {
		if got := Terminal(tt.in); got != tt.want {
			t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
