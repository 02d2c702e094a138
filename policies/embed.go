// Package policies holds xiaoer's embedded policy bundle: Rego rules under
// rules/, shared helpers under lib/, data tables (lexicons, thresholds,
// compensation tables) under tables/, and the input JSON Schema under schema/.
package policies

import (
	"embed"
	"io/fs"
)

// bundleFS is the bundle as shipped inside the binary.
//
//go:embed .manifest main.rego lib rules tables
var bundleFS embed.FS

//go:embed schema/input.json
var inputSchema []byte

// FS returns the embedded bundle, rooted at the bundle root.
func FS() fs.FS { return bundleFS }

// InputSchema returns the JSON Schema of the policy input document.
func InputSchema() []byte { return inputSchema }
