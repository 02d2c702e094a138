package serve

import (
	_ "embed"
	"net/http"
)

// openAPI is the API's OpenAPI 3 document, kept in the repository beside
// the handlers (openapi_test.go validates it and checks every answer the
// tests get against it).
//
//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the embedded OpenAPI document.
func OpenAPI() []byte { return openAPI }

func handleOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPI)
}
