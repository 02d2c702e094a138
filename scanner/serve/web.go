package serve

import (
	"embed"
	"io/fs"
	"net/http"
)

// web holds the sellers' page: plain HTML, CSS and JavaScript, no build
// step, nothing loaded from elsewhere, so it works offline.
//
//go:embed web
var web embed.FS

// pageCSP lets the page load only its own files and call only this server.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func pageHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, err := web.ReadFile("web/index.html")
		if err != nil { // cannot happen: embedded at build time
			writeError(w, err)
			return
		}
		setPageHeaders(w)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
}

func assetsHandler() http.Handler {
	sub, _ := fs.Sub(web, "web") // "web" is embedded: no error
	files := http.StripPrefix("/assets/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setPageHeaders(w)
		files.ServeHTTP(w, r)
	})
}

func setPageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}
