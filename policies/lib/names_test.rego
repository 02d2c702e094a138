# Tests of the names a listing declares in its own text (names.rego): a
# brand after 品牌： and a title written in 《》 elsewhere in the listing
# are names wherever else they appear.
package xiaoer.lib.names_test

import data.xiaoer.lib.lexicon
import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_absolute
import data.xiaoer.rules.ad_medical_claim

absolute(fields) := {f.details.word | some f in ad_absolute.findings with input as t.doc(fields, [])}

medical(fields) := {f.details.word | some f in ad_medical_claim.findings with input as t.doc(fields, [])}

test_brand_declared_in_text_is_a_name if {
	title := ["最", "生活", " ", "纯棉", "毛巾"]
	absolute({"title": title}) != set()
	absolute({"title": title, "description": ["品牌", "：", "最", "生活", "（", "注册商标", "）", "。"]}) == set()
}

# Each run written without a space is a name (ABSOLUT 绝对 gives 绝对).
test_declared_brand_runs_split_at_spaces if {
	title := ["绝对", "纯正", " ", "absolut", " ", "原味"]
	absolute({"title": title}) != set()
	absolute({"title": title, "description": ["品牌", ":", "absolut", " ", "绝对", "。"]}) == set()
}

# Only a label followed by a colon declares; a claim after the name stays.
test_declaration_needs_its_colon if {
	absolute({"title": ["最", "生活", " ", "毛巾"], "description": ["最", "生活", "品牌", "的", "毛巾"]}) != set()
	absolute({"title": ["最", "生活", " ", "最", "柔软", "毛巾"], "description": ["品牌", "：", "最", "生活"]}) != set()
}

test_title_marked_elsewhere_is_a_title if {
	title := ["失眠", "的", "夜晚", " ", "绘本", " ", "儿童"]
	medical({"title": title}) != set()
	medical({"title": title, "description": ["绘本", "书名", "《", "失眠", "的", "夜晚", "》", "。"]}) == set()
}

# nameless, the shortcut that skips the names, reads the engine's list of
# runs when there is one: a run of a names lexicon there, or a brand
# attribute, and the listing is not nameless.
test_nameless_reads_the_engines_runs if {
	d := t.doc({"title": ["纯棉", "毛巾"]}, [])
	lexicon.nameless with input as d
	lexicon.nameless with input as object.union(d, {"listing": {"lexicon": {"found": {}}}})
	work := {"registered_names": {"works": [{"field": "title", "i": 0, "n": 1, "key": "纯棉"}]}}
	not lexicon.nameless with input as object.union(d, {"listing": {"lexicon": {"found": work}}})
	not lexicon.nameless with input as object.union(d, {"listing": {"attributes": [{"name": "品牌", "value": "洁丽雅"}]}})
}

# unexempting, the shortcut that skips the names and the negation for
# every hit, holds only with the engine's held and found lists, no name
# and no negation context: documents built by hand walk as before.
test_unexempting_needs_the_engines_lists_and_no_name_or_negation if {
	d := t.doc({"title": ["纯棉", "毛巾"]}, [])
	not lexicon.unexempting with input as d
	listed := object.union(d, {"listing": {"lexicon": {"found": {}, "held": {}}}})
	lexicon.unexempting with input as listed
	negation := {"negation": {"negated_scope": {"before": {"title": {"1": true}}}}}
	not lexicon.unexempting with input as object.union(listed, {"listing": {"lexicon": {"held": negation}}})
	not lexicon.unexempting with input as object.union(listed, {"listing": {"attributes": [{"name": "品牌", "value": "洁丽雅"}]}})
}

# nameless's first body (plain reads of the engine's lists) answers as
# no_names, the names worked out, on the engine's documents: without a
# name, with a run of a names lexicon, a brand attribute, a registered
# name in the table or in the config. With an empty config it does not
# hold where no_names does (the engine's document is taken to have a
# name, and xiaoer.name_kind finds none): a shortcut may miss a nameless
# listing, never hold for one with a name.
test_nameless_answers_as_no_names if {
	d := t.doc({"title": ["纯棉", "毛巾"]}, [])
	listed := object.union(d, {"listing": {"lexicon": {"found": {}}}})
	work := {"registered_names": {"works": [{"field": "title", "i": 0, "n": 1, "key": "纯棉"}]}}
	docs := [
		listed,
		object.union(listed, {"listing": {"lexicon": {"found": work}}}),
		object.union(listed, {"listing": {"attributes": [{"name": "品牌", "value": "洁丽雅"}]}}),
	]
	every doc in docs {
		holds_nameless(doc, {}) == holds_no_names(doc, {})
	}
	holds_nameless(listed, {}) # the first body holds there
	holds_nameless(listed, {"毛巾": {}}) == holds_no_names(listed, {"毛巾": {}})
	holds_nameless(listed, {}) == holds_no_names(listed, {}) with data.config.registered_names as {"毛巾": "毛巾"}
	not holds_nameless(listed, {}) with data.config.registered_names as {}
	holds_no_names(listed, {}) with data.config.registered_names as {}
}

holds_nameless(doc, names) := true if {
	lexicon.nameless with input as doc with data.tables.registered_names.names as names
} else := false

holds_no_names(doc, names) := true if {
	lexicon.no_names with input as doc with data.tables.registered_names.names as names
} else := false
