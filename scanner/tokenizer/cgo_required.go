//go:build !cgo

package tokenizer

// xiaoer cuts Chinese text with gojieba, which is C++ and so needs cgo.
// This build has cgo off: CGO_ENABLED=0, or no C compiler on PATH (Go then
// turns cgo off by itself, and the build would only say "undefined:
// gojieba.Jieba"). tokenizer.go is left out of such a build, and the
// identifier below is undefined on purpose, so the only error names the
// fix: install a C/C++ compiler (Debian, Ubuntu: apt-get install g++;
// macOS: xcode-select --install) and build with CGO_ENABLED=1.
const _ = xiaoer_needs_cgo__install_a_C_and_CPP_compiler__then_build_with_CGO_ENABLED_1
