// Package engine is xiaoer's policy engine: the embedded Rego bundle plus
// user policies and data, compiled once under safe capabilities into one
// prepared query that every worker shares.
//
// The API is three steps: New builds the engine once; Eval judges one
// policy input document (a listing's or a shipment's, see listings/facts)
// and returns its findings; Rules lists the catalogue. Input shows the exact
// input a document is evaluated with (the document as an AST plus the
// lexicon candidates of its tokens), and RunPolicyTests runs the bundle's
// Rego tests. The CLI, the shipments path and any server or worker call it
// the same way.
package engine
