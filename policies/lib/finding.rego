# METADATA
# title: finding builder
# description: |
#   Every rule builds its findings through finding(meta, hit) so they share
#   one shape: rule, severity, message, field, span, evidence, basis,
#   suggestion and exposure. hit carries what the rule found:
#   field, s, e (byte offsets into the field text), message, and optionally
#   suggestion, severity, evidence and details (extra facts, e.g. order ids).
#   Spans are byte offsets and Rego slices strings by code point, so the
#   scanner fills evidence from the field text when a rule leaves it out.
package xiaoer.lib

# finding builds a finding for rule meta from hit. The object is assembled
# in Go (xiaoer.finding, policies/findingbuiltin.go: one step where it
# took a dozen); its exposure is worked out here, from the data tables:
# by the engine through xiaoer.exposure (policies/exposurebuiltin.go),
# which takes meta.exposure and the hit's platform figures as exposure
# does (exposure.rego), evaluates exposure_of once for each set of
# operands it meets and remembers the answer; elsewhere (policy tests,
# other tools) inline. The engine's finding is one call,
# xiaoer.exposed_finding (xiaoer.finding of xiaoer.exposure): each
# builtin given the hit copies it out of the rule's bindings. The inline
# calls are nested: each local a body assigned was one more step per
# finding. The platform keys are written out as platform_keys
# (exposure.rego) lists them: a reference to it is a step.
finding(meta, hit) := f if {
	f := xiaoer.exposed_finding(meta, hit, input)
} else := xiaoer.finding(meta, hit, exposure_of(object.get(meta, "exposure", {}), object.filter(hit, {"platform_cny", "platform_basis", "platform_confirmed"})))
