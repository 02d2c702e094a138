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

# finding builds a finding for rule meta from hit.
finding(meta, hit) := {
	"rule": meta.id,
	"severity": object.get(hit, "severity", meta.severity),
	"message": hit.message,
	"field": object.get(hit, "field", ""),
	"span": {"start": object.get(hit, "s", 0), "end": object.get(hit, "e", 0)},
	"evidence": object.get(hit, "evidence", ""),
	"basis": meta.basis,
	"suggestion": object.get(hit, "suggestion", meta.suggestion),
	# exposure(meta, hit), one call less per finding; the platform keys
	# written out, as platform_keys is one more step per finding
	"exposure": exposure_of(object.get(meta, "exposure", {}), object.filter(hit, {"platform_cny", "platform_basis", "platform_confirmed"})),
	"details": object.get(hit, "details", {}),
}

