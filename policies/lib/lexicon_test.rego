# Tests of the lexicon helpers, and the document builder the advertising
# rules' tests share: a field is written as its tokens (normalised, as the
# segmenter would cut them); " " stands for whitespace the segmenter drops;
# 。！？；\n tokens close sentences. Byte offsets are counted in UTF-8 bytes,
# as the Go side does, so spans in tests mean what they mean in production.
package xiaoer.lib.lexicon_test

import data.xiaoer.lib.lexicon

enders := {"。", "!", "?", ";", "\n", "！", "？", "；"}

bytelen(s) := count(hex.encode(s)) / 2

# offset is the byte offset of segment i.
offset(segs, i) := sum([bytelen(segs[k]) | some k in numbers.range(0, i - 1); i > 0])

tokens(segs) := [{"t": t, "s": offset(segs, i), "e": offset(segs, i) + bytelen(t)} |
	some i, t in segs
	t != " "
]

sentences(segs) := spans if {
	total := offset(segs, count(segs))
	marks := [(offset(segs, i) + bytelen(t)) | some i, t in segs; enders[t]]
	bounds := array.concat([0], [b | some b in marks; b < total])
	ends := array.concat([b | some b in marks; b < total], [total])
	spans := [{"s": bounds[i], "e": ends[i]} | some i in numbers.range(0, count(bounds) - 1)]
}

field(segs) := {"text": concat("", segs), "tokens": tokens(segs), "sentences": sentences(segs)}

# num is a figure over segments i..j of a field.
num(name, segs, i, j, value, unit) := {"value": value, "unit": unit, "field": name, "s": offset(segs, i), "e": offset(segs, j + 1)}

# doc is a listing document with the given fields (name → segments),
# figures and category.
doc(fields, figures) := docc(fields, figures, "")

docc(fields, figures, category) := {
	"kind": "listing", "version": 1,
	"listing": {
		"id": "t", "platform": "taobao", "source": "test", "category": category,
		"price": {"amount": 199, "min": 199, "max": 199, "currency": "CNY"},
		"fields": {name: field(segs) | some name, segs in fields},
		"attributes": [], "composition": [], "down_claims": [], "promises": [],
		"numbers": figures,
	},
	"context": {"platform": "taobao", "now": "2026-11-23T10:00:00+08:00"},
}

title(segs) := doc({"title": segs}, [])

test_builder_counts_bytes if {
	f := field(["最", "保暖", " ", "t恤", "。", "第一"])
	f.text == "最保暖 t恤。第一"
	f.tokens[1] == {"t": "保暖", "s": 3, "e": 9}
	f.tokens[2] == {"t": "t恤", "s": 10, "e": 14}
	count(f.tokens) == 5
	f.sentences == [{"s": 0, "e": 17}, {"s": 17, "e": 23}]
}

test_runs_join_whole_tokens_only if {
	runs := lexicon.runs.title with input as title(["最近", "上新", "最", "保暖"])
	runs == [
		["最近", "最近上新", "最近上新最", "最近上新最保暖"],
		["上新", "上新最", "上新最保暖", "上新最保暖"],
		["最", "最保暖", "最保暖", "最保暖"],
		["保暖", "保暖", "保暖", "保暖"],
	]
}

test_matches_do_not_match_inside_tokens if {
	hits := lexicon.matches("t", "words", {}) with input as title(["最近", "第一次", "第一步"])
		with data.tables.t as {"words": {"最": {}, "第一": {}}}
	count(hits) == 0
}

test_matches_skip_fields if {
	hits := lexicon.matches("t", "words", {"attributes": true}) with input as doc({"attributes": ["最好"], "title": ["最好"]}, [])
		with data.tables.t as {"words": {"最好": {}}}
	{h.field | some h in hits} == {"title"}
}

# with_lexicon adds the engine's lists to a document: the runs found in
# data.tables.t.words and the tokens that may start with a prefix.
with_lexicon(d, runs, prefixed) := object.union(d, {"listing": {"lexicon": {"found": {"t": {"words": runs}}, "prefixed": prefixed, "context": {}}}})

test_matches_walk_the_engines_hits if {
	d := title(["最近", "最", "保暖", "第一"])
	runs := [{"field": "title", "i": 1, "n": 2, "key": "最保暖"}]
	hits := lexicon.matches("t", "words", {}) with input as with_lexicon(d, runs, [])
		with data.tables.t as {"words": {"最保暖": {}, "第一": {}}}

	# 第一 is a word but was not found: the engine's list is what is walked.
	[[h.word, h.s, h.e] | some h in hits] == [["最保暖", 6, 15]]
}

test_other_lexicons_are_not_walked if {
	d := title(["最", "保暖"])
	runs := [{"field": "title", "i": 0, "n": 2, "key": "最保暖"}]
	hits := lexicon.matches("t", "other", {}) with input as with_lexicon(d, runs, [])
		with data.tables.t as {"words": {"最保暖": {}}, "other": {"最保暖": {}}}
	count(hits) == 0
}

# any_match reads the engine's list where there is one (a lexicon with no
# run is left out of it, and an empty list holds none), and walks every
# run of a document without it.
test_any_match_both_ways if {
	d := title(["限时", "特价"])
	tables := {"words": {"特价": {}}, "other": {"秒杀": {}}}
	lexicon.any_match("t", "words") with input as d with data.tables.t as tables
	not lexicon.any_match("t", "other") with input as d with data.tables.t as tables
	runs := [{"field": "title", "i": 1, "n": 1, "key": "特价"}]
	lexicon.any_match("t", "words") with input as with_lexicon(d, runs, []) with data.tables.t as tables
	not lexicon.any_match("t", "other") with input as with_lexicon(d, runs, []) with data.tables.t as tables
	not lexicon.any_match("t", "words") with input as with_lexicon(d, [], []) with data.tables.t as tables
	not lexicon.any_match("u", "words") with input as with_lexicon(d, runs, []) with data.tables.t as tables
}

test_context_words_come_from_the_engines_index if {
	d := object.union(title(["追求", "极致", "的", "最", "好"]), {"listing": {"lexicon": {
		"found": {}, "prefixed": [],
		"context": {"title": [{"i": 0, "runs": [{"n": 1, "key": "追求"}]}]},
	}}})
	hit := {"field": "title", "i": 3, "n": 2}
	tables := {"contexts": {"aim": {"before": {"追求": true, "极致": true}, "window": 3}}}
	lexicon.before_match("t", "aim", hit) with input as d with data.tables.t as tables

	# 极致 is a context word, but the index does not list it there.
	not lexicon.before_match("t", "aim", {"field": "title", "i": 2, "n": 1}) with input as d with data.tables.t as {"contexts": {"aim": {"before": {"极致": true}, "window": 1}}}
}

test_prefix_hits_walk_the_engines_prefixed_tokens if {
	table := {"words": {}, "prefixes": {"最": {"extend": {"最": true}, "not_claims": {}}}}
	d := title(["最", "保暖", "最", "好"])
	hits := lexicon.prefix_hits("t", {}) with input as with_lexicon(d, [], [{"field": "title", "i": 2}])
		with data.tables.t as table
	{h.word | some h in hits} == {"最好"}
}

test_longest_wins if {
	hits := lexicon.longest(lexicon.matches("t", "words", {})) with input as title(["全网最低", "价"])
		with data.tables.t as {"words": {"最低价": {}, "全网最低价": {}, "全网最低": {}}}
	[h.word | some h in hits] == ["全网最低价"]
}

test_prefix_reaches_over_the_next_word if {
	table := {"words": {}, "prefixes": {"最": {"extend": {"最": true}, "not_claims": {"最近": true}}}}
	hits := lexicon.prefix_hits("t", {}) with input as title(["最", "保暖", "最近", "最热销", "最", "i", "n", "款"])
		with data.tables.t as table
	{h.word | some h in hits} == {"最保暖", "最热销", "最in"}
}

test_context_stops_at_clause_marks if {
	table := {"contexts": {"a": {"before": {"坚持": true}, "window": 5}}}
	hit := {"field": "title", "i": 3, "n": 1, "s": 12, "e": 18}
	not lexicon.in_context("t", "a", hit) with input as title(["坚持", "原创", ",", "最好", "的", "面料"]) with data.tables.t as table
	near := {"field": "title", "i": 2, "n": 1, "s": 9, "e": 15}
	lexicon.in_context("t", "a", near) with input as title(["坚持", "做", "最好", "的", "面料"]) with data.tables.t as table
}

test_all_and_unless_contexts if {
	table := {"contexts": {
		"goal": {"all": ["v", "o"]}, "v": {"before": {"打造": true}, "window": 3}, "o": {"after": {"品牌": true}, "window": 1},
		"ord": {"after": {"个": true}, "window": 1, "unless": "scope"}, "scope": {"before": {"全国": true}, "window": 2},
	}}
	lexicon.in_context("t", "goal", {"field": "title", "i": 2, "n": 1}) with input as title(["打造", "行业", "第一", "品牌"]) with data.tables.t as table
	not lexicon.in_context("t", "goal", {"field": "title", "i": 0, "n": 1}) with input as title(["第一", "品牌"]) with data.tables.t as table
	lexicon.in_context("t", "ord", {"field": "title", "i": 0, "n": 1}) with input as title(["第一", "个", "客户"]) with data.tables.t as table
	not lexicon.in_context("t", "ord", {"field": "title", "i": 1, "n": 1}) with input as title(["全国", "第一", "个"]) with data.tables.t as table
}

test_registered_names if {
	segs := ["酷冷", "至尊", "散热器"]
	hit := {"field": "title", "i": 1, "n": 1}
	lexicon.registered(hit) with input as title(segs) with data.tables.registered_names.names as {"酷冷至尊": {}}
	not lexicon.registered(hit) with input as title(segs) with data.tables.registered_names.names as {}
}

# .xiaoer.yaml's registered-names reach the rules as data.config.
test_registered_names_from_the_config if {
	segs := ["酷冷", "至尊", "散热器"]
	hit := {"field": "title", "i": 1, "n": 1}
	lexicon.registered(hit) with input as title(segs)
		with data.config.registered_names as {"酷冷至尊": "酷冷至尊"}
		with data.tables.registered_names.names as {}
}

test_sourced_needs_source_and_period_in_the_sentence if {
	segs := ["销量", "第一", "(", "数据", "来源", ":", "京东", ",", "2023", "年", ")", "。", "好评", "如潮"]
	figs := [num("title", segs, 8, 9, 2023, "年")]
	hit := {"field": "title", "i": 0, "n": 2, "s": 0, "e": 12}
	lexicon.sourced(hit) with input as doc({"title": segs}, figs)
	not lexicon.sourced(hit) with input as doc({"title": segs}, [])
	lexicon.missing(hit) == ["期间"] with input as doc({"title": segs}, [])
	other := {"field": "title", "i": 12, "n": 2, "s": 44, "e": 56}
	lexicon.missing(other) == ["来源", "期间"] with input as doc({"title": segs}, figs)
}

# A listing without any evidence marker (most) still has a period where
# a year or a month stands in the claim's sentence; a year in another
# field, or in another sentence of its field, is none (the claim's
# sentence is looked up only where its field has a period figure).
test_period_figure_without_evidence_markers if {
	segs := ["2023", "年", "销量", "第一", "面膜"]
	hit := {"field": "title", "i": 2, "n": 2, "s": 7, "e": 19}
	lexicon.missing(hit) == ["来源"] with input as doc({"title": segs}, [num("title", segs, 0, 1, 2023, "年")])
	lexicon.missing(hit) == ["来源", "期间"] with input as doc({"title": segs}, [])
	desc := ["2023", "年", "新款"]
	claim := {"field": "title", "i": 0, "n": 2, "s": 0, "e": 12}
	lexicon.missing(claim) == ["来源", "期间"] with input as doc({"title": ["销量", "第一", "面膜"], "description": desc}, [num("description", desc, 0, 1, 2023, "年")])
	two := ["2023", "年", "新款", "。", "销量", "第一"]
	later := {"field": "title", "i": 4, "n": 2, "s": 16, "e": 28}
	lexicon.missing(later) == ["来源", "期间"] with input as doc({"title": two}, [num("title", two, 0, 1, 2023, "年")])
}

test_study_lead_counts_as_source if {
	segs := ["据", "第三方", "统计", ",", "2023", "年", "复购率", "80", "%"]
	figs := [num("title", segs, 4, 5, 2023, "年")]
	lexicon.sourced({"field": "title", "i": 6, "n": 3, "s": 28, "e": 39}) with input as doc({"title": segs}, figs)
}

test_footnote_carries_the_source if {
	desc := ["销量", "第一", "※", "。", "\n", "※", "数据", "来源", ":", "天猫", ",", "统计", "周期", "2023", "年"]
	hit := {"field": "description", "i": 0, "n": 2, "s": 0, "e": 12}
	lexicon.sourced(hit) with input as doc({"description": desc}, [])
	plain := ["销量", "第一", "。", "\n", "※", "数据", "来源", ":", "天猫", ",", "统计", "周期", "2023", "年"]
	not lexicon.sourced(hit) with input as doc({"description": plain}, [])
}

# A title claim's source and period may stand in the description; a
# description with a source alone, or a claim in the description, gets none.
test_description_note_sources_a_title_claim if {
	title := ["天猫", "销量", "第一", "牙刷"]
	hit := {"field": "title", "i": 1, "n": 2, "s": 6, "e": 18}
	note := ["数据", "来源", ":", "天猫", ",", "统计", "周期", "2026", "年"]
	lexicon.sourced(hit) with input as doc({"title": title, "description": note}, [])
	lexicon.limited_and_sourced(hit) with input as doc({"title": title, "description": note}, [])
	bare := ["数据", "来源", ":", "天猫"]
	not lexicon.sourced(hit) with input as doc({"title": title, "description": bare}, [])
	not lexicon.sourced(hit) with input as doc({"title": title, "description": ["好评", "如潮"]}, [])
}

# may_hold: with the engine's held, only the context names it lists (an
# empty entry too: a conjunction or restated context); without held, all.
test_may_hold_keeps_the_names_held_lists if {
	d := doc({"title": ["最", "好"]}, [])
	all := lexicon.may_hold("ad_absolute", ["goal", "advice"]) with input as d
	all == ["goal", "advice"]
	held := {"listing": {"lexicon": {"held": {"ad_absolute": {"goal": {}}}}}}
	listed := lexicon.may_hold("ad_absolute", ["goal", "advice"]) with input as object.union(d, held)
	listed == ["goal"]
}
