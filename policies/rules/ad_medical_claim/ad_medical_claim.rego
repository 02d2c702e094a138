# METADATA
# title: ad-medical-claim
# description: |
#   医疗用语和疗效保证，按商品的种类判断：
#   - 普通商品（第十七条）：疾病名称和人体功能用语（按身体系统整理：心脑
#     血管、呼吸、消化、骨骼关节、神经、内分泌、泌尿生殖、皮肤、五官口腔、
#     肿瘤、感染与炎症、免疫与衰老），疗效保证和医生、患者的推荐；
#   - 药品、医疗器械、医疗服务（第十六条）：适应症可以写，疗效和安全性的
#     断言或保证、治愈率、有效率、专业人士与患者的推荐不可以。药品、器械从
#     批准文号（国药准字、械字号）、非处方药标记、剂型（胶囊、颗粒剂、口服
#     液、含片、滴丸、贴剂……）和常见药名认出；
#   - 保健食品（第十八条）、普通食品（食品安全法第七十一条、第七十三条）、
#     化妆品（化妆品监督管理条例第三十七条、第四十三条）：不得涉及疾病预防、
#     治疗功能或医疗作用。
#   消毒产品可以宣称杀菌、消毒；杀菌、抗菌这类卫生宣称只报警告。歧义的
#   词（感冒、头痛、近视）只在宣称疗效的搭配里算（治疗、预防、缓解……）。
# custom:
#   severity: error
#   basis: 《中华人民共和国广告法》第十六条、第十七条、第十八条
#   penalty: 《中华人民共和国广告法》第五十八条第一款
package xiaoer.rules.ad_medical_claim

import data.xiaoer.lib
import data.xiaoer.lib.lexicon
import data.xiaoer.lib.pattern

meta := {
	"id": "ad-medical-claim",
	"title": "医疗用语和疗效保证",
	"severity": "error",
	"kinds": ["listing"],
	"description": "除医疗、药品、医疗器械广告外，广告不得涉及疾病治疗功能，不得使用医疗用语或者易使推销的商品与药品、医疗器械相混淆的用语（《中华人民共和国广告法》第十七条）；药品、医疗器械、医疗广告不得含有功效、安全性的断言或者保证、治愈率、有效率和专业人士、患者的推荐（第十六条）；保健食品、食品、化妆品不得涉及疾病预防、治疗功能（第十八条，《中华人民共和国食品安全法》第七十三条，《化妆品监督管理条例》第四十三条）。",
	"basis": {
		"law": "《中华人民共和国广告法》第十七条",
		"penalty": "《中华人民共和国广告法》第五十八条第一款：广告费用一倍以上三倍以下罚款，无法计算的处十万元以上二十万元以下罚款",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "删除疾病、治疗用语，只写商品的实际功能。",
	"exposure": {"punitive": true, "fine": "ad_law_58"},
}

# needs: every finding starts from one of its words or a pattern's first
# word (see lib/pattern.rego); a listing without
# any is skipped by the engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# unreported_names: hits drop the entries marked name (巴氏杀菌), so the
# engine counts no such word.
# allowed: findings drop every hit at which one of its entry's allow
# contexts holds (exempt; allow_list adds negated to them), so the engine
# counts such a word only where none of them holds at it (减肥秤, 猫瘟试纸).
# product_kinds: candidates drop a term marked only (增高, 特效, 安全无毒)
# on ordinary goods and keep it elsewhere only where applies; the third
# body (allowed_for) needs a kind too. judged_as is empty unless the
# listing has a run of regulated or dosage_suffixes (drug_names starts
# from one too) or a category, so the engine counts such a term only
# beside one of those runs, or with a category.
needs := {
	"words": ["ad_medical_claim.words", "ad_medical_claim.pattern_heads"], "partnered": true, "unreported_names": true, "allowed": true,
	"product_kinds": {"marked": "only", "words": ["ad_medical_claim.regulated", "ad_medical_claim.dosage_suffixes"]},
}

tables := data.tables.ad_medical_claim

# regulated holds what kinds of regulated product the listing is (drug,
# device, treatment, veterinary, pesticide, disinfectant, publication,
# health_food, cosmetics, food), from words in its text (国药准字, 胶囊,
# 医疗器械, 消毒液, 奶粉, 面霜) or its category.
regulated contains kind if some kind in regulated_by_words

# A medical term followed by a dosage form (清肺|抑|火|片, 健胃消食片) is
# the name of a drug: the listing is a drug.
regulated contains "drug" if some _ in drug_names

# drug_names are the medical-term hits that are part of a drug's name:
# the dosage form follows at once or after single characters glued to it
# (清肺|抑|火|片: jieba cuts a name it does not know into characters).
# The walk starts from the dosage forms the listing has (one token each,
# 0 to 2 tokens after a term): most listings have none.
drug_names contains [m.field, m.i] if {
	some d in lexicon.found("ad_medical_claim", "dosage_suffixes")
	d.n == 1
	some m in lexicon.matches("ad_medical_claim", "words", {})
	m.field == d.field
	end := d.i
	end - (m.i + m.n) in {0, 1, 2}
	toks := input.listing.fields[m.field].tokens
	every g in numbers.range(m.i + m.n, end) {
		toks[g - 1].e == toks[g].s
	}
	every g in between(m.i + m.n, end) {
		count(toks[g].t) == 1
	}
}

# between are the token indexes from first up to end, end left out: none
# where the dosage form follows the term at once (numbers.range(k, k - 1)
# would count down, [k, k - 1], and ask the term's last token and the
# dosage form to be one character each: 健胃消食片 and 感冒灵胶囊 were no
# drug names).
between(first, end) := [g | some g in numbers.range(first, end); g < end]

regulated contains kind if {
	category := object.get(input, ["listing", "category"], "")
	category != ""
	some word, kind in tables.category_kinds
	contains(category, word)
	not plain_goods_in_medical_category(kind)
}

# plain_goods_in_medical_category: sellers file 护膝, 暖宫贴, 艾灸贴 under
# 医疗器械; the category does not make them devices when the listing names
# such ordinary goods (a device still shows by its own words: 械字号, 医用).
plain_goods_in_medical_category(kind) if {
	kind in {"device", "treatment"}
	"plain_goods" in regulated_by_words
}

# regulated_by_words are the kinds the listing's own words name (walked
# once: regulated and plain_goods_in_medical_category read them). The runs
# are read as found, not as lexicon.matches builds them: only the key and
# the position are wanted, not the span and entry of a hit.
#
# A run is marker_qualified only beside a token that is a word of
# not_regulated_after or not_regulated_before, and the engine lists a
# lexicon in input.listing.lexicon.found only where the listing has runs
# of it: on its documents with neither (most listings) no run is
# qualified, and the two calls of marker_qualified per run are left out.
# Documents built by hand (no found) ask every run.
regulated_by_words := {tables.regulated[r.key].kind | some r in lexicon.found("ad_medical_claim", "regulated")} if {
	input.listing.lexicon.found
	not input.listing.lexicon.found.ad_medical_claim.not_regulated_after
	not input.listing.lexicon.found.ad_medical_claim.not_regulated_before
} else := unqualified_kinds

# unqualified_kinds are the kinds of the runs no marker qualifies.
unqualified_kinds := {tables.regulated[r.key].kind |
	some r in lexicon.found("ad_medical_claim", "regulated")
	not marker_qualified(r)
}

# marker_qualified: 医用级硅胶 is a marketing grade, not a medical device;
# 非药品 says the opposite; 胶囊咖啡机 is no capsule of medicine.
# The tokens either side are read straight from the field, not through
# lexicon.key_at (a call and its two steps, for one token): the token
# before the first is undefined all the same.
marker_qualified(m) if tables.not_regulated_after[input.listing.fields[m.field].tokens[m.i + m.n].t]

marker_qualified(m) if tables.not_regulated_before[input.listing.fields[m.field].tokens[m.i - 1].t]

# skipped reports whether a term of this kind is not this rule's business
# for the listing's kind of product (a drug may name its indication).
#
# A health food may state its approved health function (增强免疫力,
# 改善睡眠), a registered special cosmetic its registered efficacy (防脱,
# 祛斑): a term lists the kinds that may use it (allowed_for).
#
# skipped, applies and partnered are else chains ending in false: the
# first answer that holds ends the call (several bodies would all be
# entered), and a negative answer is kept for the same entry.
skipped(entry) := true if {
	some kind in judged_as
	entry.kind in tables.regulated_categories[kind].skip
} else := true if {
	some kind in entry.allowed_for
	kind in judged_as
} else := false

# judged_as are the kinds the listing is judged as: a dosage form alone
# (口服液, 胶囊) makes a drug, but yields to an explicit food, health-food
# or cosmetics word (胶原蛋白肽饮品 口服液 普通食品 is a food).
#
# Every kind comes from a run of the regulated or dosage_suffixes
# lexicons or from the category, and the engine lists a lexicon in
# input.listing.lexicon.found only where the listing has runs of it: on
# its documents with neither and no category (most listings), the kinds
# are none, in four reads, without the bodies of regulated and their
# lookups (about 50k instructions a listing). On the others the engine's
# documents have their kinds from xiaoer.medical_kinds
# (policies/medicalbuiltin.go): regulated_kinds in one step, where its
# rules and calls took about 200k instructions. Documents built by hand
# (no found), and any the builtin does not answer, work the kinds out.
judged_as := set() if {
	input.listing.lexicon.found
	not input.listing.lexicon.found.ad_medical_claim.regulated
	not input.listing.lexicon.found.ad_medical_claim.dosage_suffixes
	object.get(input.listing, "category", "") == ""
} else := kinds if {
	kinds := xiaoer.medical_kinds(
		object.get(input.listing.lexicon.found, "ad_medical_claim", {}), tables,
		input.listing.fields, object.get(input.listing, "category", ""),
	)
} else := regulated_kinds

# regulated_kinds are the kinds the listing is judged as, worked out.
regulated_kinds := {kind |
	some kind in regulated
	not yielded(kind)
}

# ordinary: the listing is judged as no regulated kind (most listings).
# A complete rule, worked out once: the bodies below and product ask it.
ordinary if count(judged_as) == 0

yielded(kind) if {
	some other in tables.regulated_categories[kind].yields_to
	other in regulated
}

# applies: a term marked only for some kinds (安全无毒 is a safety
# guarantee on a drug, a plain statement on a toy) needs one of them.
applies(entry) := true if {
	not entry.only
} else := true if {
	some kind in judged_as
	kind in entry.only
} else := true if {
	"drug_form" in judged_as
	"drug" in entry.only
} else := false

# kind_keeps is `not skipped(entry); applies(entry)` in one call: the
# bodies of skipped answering false, then those of applies.
kind_keeps(entry) := false if {
	some kind in judged_as
	entry.kind in tables.regulated_categories[kind].skip
} else := false if {
	some kind in entry.allowed_for
	kind in judged_as
} else := true if {
	not entry.only
} else := true if {
	some kind in judged_as
	kind in entry.only
} else := true if {
	"drug_form" in judged_as
	"drug" in entry.only
} else := false

# On ordinary goods (judged_as empty: most listings) nothing is skipped
# and a term applies unless it is marked only for some kinds: the calls
# of skipped and applies (each entering its bodies for every term) are
# left out there.
candidates contains c if {
	ordinary
	some c in lexicon.matches("ad_medical_claim", "words", {}) | pattern.hits("ad_medical_claim", {})
	entry := c.entry
	not entry.only
	partnered(c, entry)
}

candidates contains c if {
	not ordinary
	some c in lexicon.matches("ad_medical_claim", "words", {}) | pattern.hits("ad_medical_claim", {})
	entry := c.entry
	kind_keeps(entry)
	partnered(c, entry)
}

# A term the product's kind may use (辅助降血脂 on a health food, an approved
# function) is a name there: it wins over the disease word inside it
# (降血脂) and is not reported. On other goods it is a claim.
# (Such a term is skipped by its allowed_for: the kind is judged_as.)
# The kinds come first: on ordinary goods there are none, and the terms
# are not walked.
candidates contains object.union(c, {"entry": object.union(c.entry, {"name": true})}) if {
	some kind in judged_as
	some c in lexicon.matches("ad_medical_claim", "words", {})
	kind in object.get(c.entry, "allowed_for", [])
}

# (partnered takes the entry its caller has read: a reference is a step.)
partnered(c, entry) := true if {
	not entry.needs
} else := lexicon.in_context("ad_medical_claim", entry.needs, c)

# wordless: the listing has none of this rule's words and no pattern head,
# so it has no candidate (each starts from one: the two rules above) and no
# finding. Rules that read this rule's findings (ad-unsourced-claim's
# efficacy_rate) ask it first: one lookup instead of the rule. A new kind of
# candidate must keep it true.
wordless if {
	count(lexicon.found("ad_medical_claim", "words")) == 0
	count(lexicon.found("ad_medical_claim", "pattern_heads")) == 0
}

# hits are the longest of overlapping candidates; an entry marked name
# (巴氏杀菌: a process on a milk label) wins and is not reported.
#
# On the engine's documents (with held) xiaoer.medical_hits
# (policies/medicalhitsbuiltin.go) works them out in one step: the
# candidates' bodies, their calls per term and the longest took about
# 300k instructions a listing that reaches the rule. Documents built by
# hand, and any the builtin does not answer, work them out here.
hits := xiaoer.medical_hits(input.listing, tables, judged_as, lexicon.boundaries) if {
	input.listing.lexicon.held
} else := {c | some c in lexicon.longest(candidates); not c.entry.name}

exempt(c) if lexicon.registered(c)

# With the engine's held, the allow names it lists, picked at once (the
# calls of lexicon.may_hold and allow_list took about 20k instructions a
# hit); without, every name (may_hold gives them all).
exempt(c) if {
	input.listing.lexicon.held
	some name in xiaoer.held_names(input.listing.lexicon.held, "ad_medical_claim", array.concat(object.get(c.entry, "allow", []), ["negated"]))
	lexicon.in_context("ad_medical_claim", name, c)
}

exempt(c) if {
	not input.listing.lexicon.held
	some name in allow_list(c)
	lexicon.in_context("ad_medical_claim", name, c)
}

# open_hits are the hits no exemption lets pass: the findings' hits. On
# the engine's documents (with held) xiaoer.medical_open
# (policies/medicalopenbuiltin.go) drops those an allow context holds at
# (exempt's second body) in one step for all of them, where the calls
# of exempt, held_names and in_context per hit took about 30k
# instructions more a listing that reaches the rule; the names
# (registered) stay here. Documents built by hand, and any the builtin
# does not answer, ask exempt of every hit.
open_hits := {c | some c in open; not lexicon.registered(c)} if {
	input.listing.lexicon.held
	open := xiaoer.medical_open(hits, input.listing.lexicon, tables.contexts, input.listing.fields)
} else := {c | some c in hits; not exempt(c)}

# exemption names the exemption that lets hit c pass, for explanations.
exemption(c) := lexicon.name_exemption(c) if {
	lexicon.registered(c)
} else := names[0] if {
	names := [name | some name in lexicon.may_hold("ad_medical_claim", allow_list(c)); lexicon.in_context("ad_medical_claim", name, c)]
	count(names) > 0
}

# allow_list: every term passes in a denial (不具有治疗作用), some also in
# their own contexts (减肥秤, 治愈系).
allow_list(c) := array.concat(object.get(c.entry, "allow", []), ["negated"])

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": exemption(c)} if {
	some c in hits
}

findings contains f if {
	some c in open_hits
	f := lib.finding(law_meta(law(c)), {
		"field": c.field, "s": c.s, "e": c.e,
		"severity": object.get(c.entry, "severity", meta.severity),
		"message": message(c),
		"suggestion": c.entry.suggestion,
		"details": {"kind": c.entry.kind, "word": c.word, "regulated": judged_as, "product": product},
	})
}

# law_meta is meta with law in its basis. Most findings rest on the
# rule's own law (a disease term on ordinary goods: 第十七条), and their
# meta is meta itself: the union would rebuild it for every finding.
law_meta(law) := meta if {
	law == meta.basis.law
} else := object.union(meta, {"basis": object.union(meta.basis, {"law": law})})

# product is the regulated kind the listing is judged as: the one of
# lowest rank (drug, device and treatment before health food, cosmetics,
# food), or "ordinary".
product := "ordinary" if {
	# most listings: no kind to rank
	ordinary
} else := kinds[0] if {
	ranked := sort([[tables.regulated_categories[k].rank, k] | some k in judged_as; tables.regulated_categories[k].basis])
	kinds := [pair[1] | some pair in ranked]
	count(kinds) > 0
} else := "ordinary"

# law: guarantees and endorsements on drugs, devices and treatments rest on
# 第十六条; other terms on the product's own article (第十八条, 食品安全法,
# 化妆品监督管理条例); on ordinary goods, on the entry's article (第十七条).
law(c) := tables.regulated_categories[product].basis if {
	product != "ordinary"
	c.entry.kind != "hygiene"
} else := c.entry.law

# message: by the kind of term first (hygiene claims, guarantees and
# endorsements read the same on every product), then a comparison with
# drugs on drugs and devices, then by the product (each table one lookup
# instead of a body per kind).
message(c) := sprintf(kind_messages[c.entry.kind], [c.word]) if {
	kind_messages[c.entry.kind]
} else := sprintf("「%s」：不得与药品、医疗器械比较功效和安全性", [c.word]) if {
	c.entry.kind == "drug_compare"
	product in {"drug", "drug_form", "device", "treatment"}
} else := sprintf(product_messages[product], [c.word]) if {
	product_messages[product]
} else := sprintf("普通商品使用医疗用语「%s」：不得涉及疾病治疗功能", [c.word])

kind_messages := {
	"hygiene": "宣称「%s」需有检测依据：普通商品不得使用易与药品、医疗器械混淆的用语",
	"guarantee": "疗效或安全性保证「%s」：不得断言或保证功效、安全性，不得说明治愈率、有效率",
	"endorse": "「%s」：不得利用医生、专家、患者的名义或者形象作推荐、证明",
}

product_messages := {
	"health_food": "保健食品宣称「%s」：不得涉及疾病预防、治疗功能",
	"food": "食品宣称「%s」：不得涉及疾病预防、治疗功能",
	"cosmetics": "化妆品使用医疗用语「%s」：不得明示或者暗示具有医疗作用",
}
