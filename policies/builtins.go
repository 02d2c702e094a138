package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// init registers xiaoer's builtins with OPA for the whole process when
// this package is loaded: every compilation of the policies (engine,
// policy tests, user policies) loads them from here, so the capabilities
// of this OPA version list them and user policies may call them too.
func init() {
	for _, b := range []struct {
		decl *ast.Builtin
		fn   topdown.BuiltinFunc
	}{
		{findingBuiltin, finding},
		{exposureBuiltin, exposure},
		{exposedFindingBuiltin, exposedFinding},
		{matchesBuiltin, matches},
		{longestBuiltin, longest},
		{keyAtBuiltin, keyAt},
		{fiberStatementsBuiltin, fiberStatements},
		{fiberClaimsBuiltin, fiberClaims},
		{fiberConflictsBuiltin, fiberConflicts},
		{fiberUnbackedBuiltin, fiberUnbacked},
		{fiberConflictHitsBuiltin, fiberConflictHits},
		{basisMetaBuiltin, basisMeta},
		{fiberConflictFindingsBuiltin, fiberConflictFindings},
		{fiberFindingsBuiltin, fiberFindings},
		{guaranteeHitsBuiltin, guaranteeHits},
		{guaranteeFindingsBuiltin, guaranteeFindings},
		{wordedCountsBuiltin, wordedCounts},
		{medicalKindsBuiltin, medicalKinds},
		{medicalHitsBuiltin, medicalHits},
		{medicalOpenBuiltin, medicalOpen},
		{plainListingBuiltin, plainListing},
		{patternHitsBuiltin, patternHits},
		{foundPatternHitsBuiltin, foundPatternHits},
		{heldAtBuiltin, heldAt},
		{heldNamesBuiltin, heldNames},
		{boundaryBetweenBuiltin, boundaryBetween},
		{numbersAtBuiltin, numbersAt},
		{countClaimsBuiltin, countClaims},
		{rateClaimsBuiltin, rateClaims},
		{figuresAtBuiltin, figuresAt},
		{outsideBuiltin, outside},
		{prefixStartsBuiltin, prefixStarts},
		{inContextBuiltin, inContext},
		{anyInContextBuiltin, anyInContext},
		{brandNamesBuiltin, brandNames},
		{nameKindBuiltin, nameKind},
		{unregisteredHitsBuiltin, unregisteredHits},
		{runsAfterBuiltin, runsAfter},
		{entryMetaBuiltin, entryMeta},
		{partneredMatchesBuiltin, partneredMatches},
		{unsourcedFindingsBuiltin, unsourcedFindings},
		{plainUnsourcedFindingsBuiltin, plainUnsourcedFindings},
		{unsourcedHitsBuiltin, unsourcedHits},
		{pressureFindingsBuiltin, pressureFindings},
		{absoluteFindingsBuiltin, absoluteFindings},
		{partneredHitsBuiltin, partneredHits},
		{absoluteHitsBuiltin, absoluteHits},
	} {
		ast.RegisterBuiltin(b.decl)
		topdown.RegisterBuiltinFunc(b.decl.Name, b.fn)
	}
}

// elements are the members of operand pos, a set or an array, as the
// builtins that take either (xiaoer.longest, xiaoer.matches) walk them.
func elements(operand *ast.Term, pos int) ([]*ast.Term, error) {
	switch v := operand.Value.(type) {
	case ast.Set:
		return v.Slice(), nil
	case *ast.Array:
		terms := make([]*ast.Term, 0, v.Len())
		v.Foreach(func(t *ast.Term) { terms = append(terms, t) })
		return terms, nil
	}
	return nil, builtins.NewOperandTypeErr(pos, operand.Value, "set", "array")
}
