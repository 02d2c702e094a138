package xiaoer.lib.pattern_test

import data.xiaoer.lib.lexicon
import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.lib.pattern

# demo is a table with one two-part pattern (a time word, then a rise),
# one three-part pattern ending in a figure, and a blocking class.
demo := {
	"patterns": {
		"soon_rise": {"parts": ["soon", "rise"], "gap": 2, "block": ["neg"], "kind": "urgency"},
		"gain_score": {"parts": ["lead", "gain", "#分"], "gap": 1},
		"treat_condition": {"parts": ["treat", "~condition"], "gap": 1},
	},
	"pattern_suffixes": {"condition": {"suffixes": {"痛": true, "不良": true}, "not": {"毛病痛": true}}},
	"pattern_heads": {"明天": {"classes": ["soon"]}, "马上": {"classes": ["soon"]}, "30天": {"classes": ["lead"]}, "缓解": {"classes": ["treat"]}},
	"pattern_words": {
		"涨价": {"classes": ["rise"]}, "恢复原价": {"classes": ["rise"]},
		"提分": {"classes": ["gain"]}, "不": {"classes": ["neg"]},
	},
}

words(segs, figures) := ws if {
	hs := pattern.hits("demo", {}) with input as t.doc({"title": segs}, figures) with data.tables.demo as demo
	ws := {h.word | some h in hs}
}

test_parts_within_gap if {
	words(["明天", "就", "涨价"], []) == {"明天就涨价"}
	words(["马上", "恢复", "原价"], []) == {"马上恢复原价"}
	words(["明天", "涨价"], []) == {"明天涨价"}
}

test_part_too_far_is_no_hit if words(["明天", "下单", "后", "再", "涨价"], []) == set()

test_blocking_class_and_clause_mark if {
	words(["明天", "也", "不", "涨价"], []) == set()
	words(["明天", ",", "涨价"], []) == set()
}

test_order_matters if words(["涨价", "明天"], []) == set()

test_figure_part if {
	segs := ["30", "天", "提分", "50", "分"]
	words(segs, [t.num("title", segs, 3, 4, 50, "分")]) == {"30天提分50分"}
	words(segs, [t.num("title", segs, 3, 4, 50, "%")]) == set()
}

# A hit has the shape of a lexicon match, the pattern as its entry.
test_hit_shape if {
	some h in pattern.hits("demo", {}) with input as t.title(["大促", "明天", "就", "涨价"]) with data.tables.demo as demo
	h.field == "title"
	h.i == 1
	h.n == 3
	h.s == 6
	h.e == 21
	h.entry.kind == "urgency"
	h.entry.pattern == "soon_rise"
	not h.entry.parts
}

test_skipped_field if {
	hs := pattern.hits("demo", {"title": true}) with input as t.title(["明天", "就", "涨价"]) with data.tables.demo as demo
	hs == set()
}

# A suffix part: a run of one to three tokens ending in a suffix, with a
# character before it (腹|痛, 消化|不良), not a bare suffix, not excluded.
test_suffix_part if {
	words(["缓解", "腹", "痛"], []) == {"缓解腹痛"}
	words(["缓解", "消化", "不良"], []) == {"缓解消化不良"}
	words(["缓解", "不良"], []) == set()
	words(["缓解", "疲劳"], []) == set()
	words(["缓解", "毛病痛"], []) == set()
}

# With the engine's found list, hits are the call's; where the list has no
# pattern head for the table they are empty without the call, as the call
# itself answers there.
test_hits_read_the_engine_found if {
	doc := t.doc({"title": ["明天", "就", "涨价"]}, [])
	heads := lexicon.found("demo", "pattern_heads") with input as doc with data.tables.demo as demo
	words := lexicon.found("demo", "pattern_words") with input as doc with data.tables.demo as demo
	by_hand := pattern.hits("demo", {}) with input as doc with data.tables.demo as demo
	count(by_hand) == 1
	listed := found_doc(doc, {"pattern_heads": heads, "pattern_words": words})
	by_hand == pattern.hits("demo", {}) with input as listed with data.tables.demo as demo
	headless := found_doc(doc, {"pattern_words": words})
	pattern.hits("demo", {}) with input as headless with data.tables.demo as demo == set()
	called := xiaoer.pattern_hits([], words, demo, headless.listing, lexicon.boundaries, {}) with input as headless
	called == set()
}

found_doc(doc, lexicons) := object.union(doc, {"listing": {"lexicon": {"found": {"demo": lexicons}}}})
