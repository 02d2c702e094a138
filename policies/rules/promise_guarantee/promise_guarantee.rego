# METADATA
# title: promise-guarantee
# description: 放大买家索赔的保障承诺（假一赔十）；与仿品用语同页时报错
# custom:
#   severity: warning
#   basis: 平台违背特殊承诺；《消费者权益保护法》第十六条第二款、第五十五条
package xiaoer.rules.promise_guarantee

import data.tables.promises.guarantee
import data.xiaoer.lib
import data.xiaoer.lib.lexicon
import data.xiaoer.lib.promises

meta := {
	"id": "promise-guarantee",
	"title": "倍数赔付保障",
	"severity": "warning",
	"kinds": ["listing"],
	"description": "「假一赔十」「假一罚三」等承诺是与买家的约定：一旦认定售假，买家可按约主张价款的N倍，平台按违背特殊承诺处理。提示其带来的索赔额（details.claim_cny = N × 价格，不计入 punitive_cny）。同一商品页还出现高仿、复刻、原单、1:1 等仿品用语时，「正品保障」「假一赔N」与之并存即构成欺诈风险，报错并计入消法第五十五条的惩罚性赔偿。",
	"basis": {
		"law": "《消费者权益保护法》第十六条第二款（按约定履行）、第五十五条第一款（欺诈：价款三倍，最低五百元）",
		"penalty": "淘宝违背特殊承诺：A类扣6分（保障承诺属特殊承诺为推断）",
		"link": "",
		"confirmed": true,
		"note": "把假一赔N、正品保障归为平台「特殊承诺」是 xiaoer 的推断，平台原文未核实。",
	},
	"suggestion": "删除「假一赔十」等倍数赔付，写可核实的保障，如「品牌授权正品，可提供进货凭证」；确要承诺的，只写做得到的倍数和条件。",
	"exposure": {"points": "breach_special_promise"},
}

# needs: every finding starts from a guarantee (guarantee_kinds): a
# 假一赔N alone, or 正品保障 beside a replica word (replica_hits are runs of
# that lexicon, which the engine counts as its words); a listing with
# neither is skipped by the engine (see main.rego).
needs := [
	{"promises": ["guarantee_fake_multiplier"]},
	{"promises": ["guarantee_genuine"], "words": ["promises.replica_words"]},
]

# meta_replica is meta for a guarantee beside replica wording: fraud risk,
# so the consumer's punitive claim (消法 §55) counts too.
meta_replica := object.union(meta, {"exposure": {"punitive": true}})

# guarantee (data.tables.promises.guarantee) is an import, not a rule:
# a rule that names the table (and promises.tables behind it) is
# evaluated in every evaluation that reads it, about 25k instructions of
# every listing that reaches the rule; an imported reference is read
# from the store in place.

# replica words are this rule's own lexicon of unambiguous replica words,
# data.tables.promises.replica_words (see guarantee.replica_note for why it
# does not read the counterfeit rule's lexicon). A hit is a run of one to
# four adjacent tokens (jieba cuts 高仿 into 高 + 仿 and 1:1复刻 into four):
# the lexicon's runs, without a space between their tokens.
replica_hits contains {"word": c.key, "field": c.field, "s": c.s, "e": c.e} if {
	some c in lexicon.matches("promises", "replica_words", {})
	adjacent(c.field, c.i, c.n)
}

# adjacent: each of the n tokens of field name from i starts where the one
# before it ends.
adjacent(name, i, n) if {
	toks := input.listing.fields[name].tokens
	gaps := [k | some k in numbers.range(1, lexicon.max_run - 1); k < n; toks[(i + k) - 1].e != toks[i + k].s]
	count(gaps) == 0
}

# replicas are the replica hits in order. Where the engine lists the runs
# found (lexicon.found) and none is a replica word (nearly every listing
# that reaches the rule), there are none: read off the list, without
# replica_hits, lexicon.matches and found (about 70k instructions an
# export row). Documents built by hand have no list and are matched.
replicas := [] if {
	input.listing.lexicon.found
	not input.listing.lexicon.found.promises.replica_words
} else := sort([h | some h in replica_hits])

guarantee_kinds := {"guarantee_fake_multiplier", "guarantee_genuine"}

# claim is what a buyer may claim under 假一赔N: N times the price.
claim(p) := {
	"multiplier": p.n,
	"claim_cny": p.n * promises.price,
	"claim_basis": guarantee.claim_basis,
}

claim_words(p) := sprintf("价款%v倍（¥%v）", [p.n, p.n * promises.price]) if {
	promises.price > 0
} else := sprintf("价款%v倍", [p.n])

special := {
	"platform_basis": guarantee.special_promise_note,
	"platform_confirmed": false,
}

# findings are walked_findings: the two bodies below.
# xiaoer.guarantee_findings (policies/guaranteefindingsbuiltin.go) makes
# them in one call in the engine's evaluations for a listing without
# replica wording (nearly every one that reaches the rule), where the
# first body took the promises, the price, the hits and a call of
# lib.finding a hit (about 100k instructions an export row with a
# 假一赔N). It asks replicas' first body itself (lexicon.found has no
# replica word), where replicas == [] here was a rule more to evaluate.
# It is undefined elsewhere (documents built by hand, replica wording,
# no runs found), where the bodies take them. It is given the package's
# name, not meta: the engine gives it meta as read once (Metas), where
# the meta rule was evaluated again in every evaluation (about 16k
# instructions).
findings := fs if {
	fs := xiaoer.guarantee_findings(input.listing, promises.field_names, guarantee, "promise_guarantee", input)
} else := walked_findings

# A 假一赔N without replica wording. replicas is compared with [] once,
# before the hits are walked (the second body reads it for every listing
# anyway), where count(replicas) == 0 was two calls for every hit.
walked_findings contains f if {
	replicas == []
	some hit in multiplier_hits
	f := lib.finding(meta, hit)
}

# multiplier_hits are the hits of the 假一赔N promises, in order.
# xiaoer.guarantee_hits (policies/guaranteehitsbuiltin.go) writes them in
# one step for promises of the engine's shape, where multiplier_hit took
# about 440k instructions a finding; it is undefined for anything else,
# which the comprehension then takes.
multiplier_hits := hits if {
	hits := xiaoer.guarantee_hits(promises.all, promises.price, promises.field_names, guarantee)
} else := [hit |
	some p in promises.all
	p.kind == "guarantee_fake_multiplier"
	hit := multiplier_hit(p)
]

multiplier_hit(p) := object.union(special, {
	"field": p.field, "s": p.s, "e": p.e,
	"message": sprintf("%s：一旦被认定售假，买家可按约主张%s，平台按违背特殊承诺处理", [promises.quote(p), claim_words(p)]),
	"details": object.union(claim(p), {"promise": promises.located(p)}),
})

# A guarantee beside replica wording. Listings without replica wording
# (nearly every one that reaches the rule) end at the comparison (one
# call, where count(replicas) > 0 was two), before the promises are
# walked.
walked_findings contains f if {
	replicas != []
	some p in promises.all
	guarantee_kinds[p.kind]
	r := replicas[0]
	f := lib.finding(meta_replica, object.union(special, {
		"field": p.field, "s": p.s, "e": p.e,
		"severity": "error",
		"message": sprintf("%s与%s「%s」同在一个商品页：承诺正品却使用仿品用语，构成欺诈风险", [promises.quote(p), object.get(promises.field_names, r.field, r.field), r.word]),
		"suggestion": "删除仿品用语并核实货源：非正品不得销售，更不得承诺正品或假一赔N；正品写「品牌授权正品，可提供进货凭证」。",
		"details": object.union(replica_claim(p), {"promise": promises.located(p), "replica_words": replicas}),
	}))
}

# replica_claim is the multiplied claim for 假一赔N, nothing more for 正品保障.
replica_claim(p) := claim(p) if {
	p.kind == "guarantee_fake_multiplier"
} else := {}
