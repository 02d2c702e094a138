# Negation scope (part of package lexicon, whose METADATA it shares).
# A claim word in the scope of a negation is no claim: 不含任何考试内部资料,
# 不提供开光等宗教服务, 不承诺收益. The negation words are one table for
# all rules (data.tables.negation.contexts.negated_scope: a negation verb
# within five tokens before the hit, in its clause). Claims that are
# themselves negative stay claims: a hit that starts with a negation (无副
# 作用, 不反弹, 永不褪色, 零风险) or whose word is something bad the
# seller promises away (没有任何副作用, 绝不过敏:
# data.tables.negation.negative_claims).
package xiaoer.lib.lexicon

# negated reports whether hit c lies in the scope of a negation.
negated(c) if {
	in_context("negation", "negated_scope", c)
	not negative_claim(c)
}

# negative_claim: the hit itself denies something bad, so a negation
# before it does not undo it.
# Its pattern is also xiaoer.unregistered_hits's (policies/
# unregisteredbuiltin.go, negativeStart), which a test keeps equal.
negative_claim(c) if regex.match(`^(不|无|零|永不|没|免|非|未|绝不|决不|从不)`, c.key)

negative_claim(c) if data.tables.negation.negative_claims[c.key]
