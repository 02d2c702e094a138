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

# A replica word jieba keeps whole is one token.
test_one_token_word if {
	toks := [{"t": "高仿", "s": 0, "e": 6}, {"t": "运动鞋", "s": 6, "e": 15}]
	fs := promise_guarantee.findings with input as doc([genuine], toks, 99)
	some f in fs
	f.details.replica_words[0] == {"word": "高仿", "field": "title", "s": 0, "e": 6}
}

test_three_token_phrase if {
	toks := [{"t": "超", "s": 0, "e": 3}, {"t": "a", "s": 3, "e": 4}, {"t": "货", "s": 4, "e": 7}]
	fs := promise_guarantee.findings with input as doc([genuine], toks, 99)
	count(fs) == 1
}

test_separated_tokens_are_not_a_word if {
	toks := [{"t": "高", "s": 0, "e": 3}, {"t": "仿", "s": 4, "e": 7}]
	count(promise_guarantee.findings) == 0 with input as doc([genuine], toks, 99)
}

test_four_token_phrase if {
	toks := [{"t": "1", "s": 0, "e": 1}, {"t": ":", "s": 1, "e": 2}, {"t": "1", "s": 2, "e": 3}, {"t": "复刻", "s": 3, "e": 9}]
	fs := promise_guarantee.findings with input as doc([genuine], toks, 99)
	some f in fs
	f.details.replica_words[0] == {"word": "1:1复刻", "field": "title", "s": 0, "e": 9}
}

test_ambiguous_words_do_not_escalate if {
	# 莆田 the city, 翡翠 A货 and a bare 1:1 need context this rule does not judge.
	toks := [{"t": "莆田", "s": 0, "e": 6}, {"t": "特产", "s": 6, "e": 12}, {"t": "a", "s": 12, "e": 13}, {"t": "货", "s": 13, "e": 16}, {"t": "1", "s": 16, "e": 17}, {"t": ":", "s": 17, "e": 18}, {"t": "1", "s": 18, "e": 19}]
	fs := promise_guarantee.findings with input as doc([genuine, times_ten], toks, 99)
	count(fs) == 1
	some f in fs
	f.severity == "warning"
}

test_counterfeit_lexicon_is_not_read if {
	fs := promise_guarantee.findings with input as doc([genuine], [{"t": "莆田", "s": 0, "e": 6}], 99)
		with data.tables.counterfeit.words as {"莆田": {}}
	count(fs) == 0
}

test_no_price_claims_the_multiple if {
	fs := promise_guarantee.findings with input as doc([times_ten], shoe_tokens, 0)
	some f in fs
	contains(f.message, "价款10倍")
	not contains(f.message, "¥")
}

# found_doc is doc with the engine's list of runs found: found.
found_doc(promises, tokens, found) := object.union(doc(promises, tokens, 199), {"listing": {"lexicon": {"found": found}}})

# With the engine's list, the replica words are the ones it lists, as
# lexicon.matches reads them: none where it lists none of the lexicon
# (though the tokens spell 高仿), the listed run where it lists one.
test_replicas_follow_the_engine_list if {
	none := found_doc([times_ten], replica_tokens, {"promises": {"guarantee": []}})
	promise_guarantee.replicas == [] with input as none
	count(promise_guarantee.replica_hits) == 0 with input as none
	fs := promise_guarantee.findings with input as none
	[f.severity | some f in fs] == ["warning"]

	listed := found_doc([times_ten], replica_tokens, {"promises": {"replica_words": [{"field": "title", "i": 4, "n": 2, "key": "高仿"}]}})
	promise_guarantee.replicas == [{"word": "高仿", "field": "title", "s": 36, "e": 42}] with input as listed
	gs := promise_guarantee.findings with input as listed
	[g.severity | some g in gs] == ["error"]
}
