package xiaoer.rules.promise_guarantee_test

import data.xiaoer.rules.promise_guarantee

times_ten := {"kind": "guarantee_fake_multiplier", "n": 10, "text": "假一赔十", "field": "title", "s": 13, "e": 25}

genuine := {"kind": "guarantee_genuine", "text": "正品保障", "field": "title", "s": 0, "e": 12}

doc(promises, tokens, price) := {
	"kind": "listing",
	"listing": {
		"price": {"amount": price},
		"promises": promises,
		"fields": {"title": {"text": "", "tokens": tokens, "sentences": []}},
	},
}

shoe_tokens := [{"t": "正品", "s": 0, "e": 6}, {"t": "保障", "s": 6, "e": 12}, {"t": "假一赔十", "s": 13, "e": 25}, {"t": "运动鞋", "s": 26, "e": 35}]

replica_tokens := array.concat(shoe_tokens, [{"t": "高", "s": 36, "e": 39}, {"t": "仿", "s": 39, "e": 42}])

test_multiplier_is_a_warning_with_the_claim if {
	fs := promise_guarantee.findings with input as doc([genuine, times_ten], shoe_tokens, 199)
	count(fs) == 1
	some f in fs
	f.rule == "promise-guarantee"
	f.severity == "warning"
	f.span == {"start": 13, "end": 25}
	f.details.claim_cny == 1990
	f.details.multiplier == 10
	contains(f.message, "¥1990")
	f.exposure.points == 6
	f.exposure.punitive_cny == 0
	f.exposure.confirmed == false
}

test_genuine_alone_passes if {
	count(promise_guarantee.findings) == 0 with input as doc([genuine], shoe_tokens, 199)
}

test_replica_beside_guarantees_is_an_error if {
	fs := promise_guarantee.findings with input as doc([genuine, times_ten], replica_tokens, 199)
	count(fs) == 2
	every f in fs {
		f.severity == "error"
		f.details.replica_words[0].word == "高仿"
		f.exposure.punitive_cny == 597
	}
}

test_replica_span_covers_both_tokens if {
	fs := promise_guarantee.findings with input as doc([times_ten], replica_tokens, 199)
	some f in fs
	f.details.replica_words[0].s == 36
	f.details.replica_words[0].e == 42
	f.details.claim_cny == 1990
}

test_one_to_one_across_three_tokens if {
	toks := [{"t": "1", "s": 0, "e": 1}, {"t": ":", "s": 1, "e": 2}, {"t": "1", "s": 2, "e": 3}]
	fs := promise_guarantee.findings with input as doc([genuine], toks, 99)
	count(fs) == 1
}

test_separated_tokens_are_not_a_word if {
	toks := [{"t": "高", "s": 0, "e": 3}, {"t": "仿", "s": 4, "e": 7}]
	count(promise_guarantee.findings) == 0 with input as doc([genuine], toks, 99)
}

test_counterfeit_table_words_count if {
	fs := promise_guarantee.findings with input as doc([genuine], [{"t": "正品原单", "s": 0, "e": 12}], 99)
		with data.tables.counterfeit.words as {"正品原单": {"category": "原单"}}
	count(fs) == 1
}

test_counterfeit_table_of_another_shape_is_ignored if {
	fs := promise_guarantee.findings with input as doc([times_ten], shoe_tokens, 99)
		with data.tables.counterfeit.words as ["高仿"]
	some f in fs
	f.severity == "warning"
}

test_no_price_claims_the_multiple if {
	fs := promise_guarantee.findings with input as doc([times_ten], shoe_tokens, 0)
	some f in fs
	contains(f.message, "价款10倍")
	not contains(f.message, "¥")
}
