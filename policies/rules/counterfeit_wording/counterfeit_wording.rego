# METADATA
# title: counterfeit-wording
# description: |
#   仿冒用语：高仿、精仿、超A、纯原、公司级、原单、顶级复刻、1:1复刻。
#   只在有搭配时才算的词（复刻、1:1、莆田）要有仿冒语境；翡翠的「A货」
#   （天然未处理）和「原单号」不是仿冒。
# custom:
#   severity: error
#   basis: 平台售假规则；《商标法》第五十七条第三项
#   confirmed: false
package xiaoer.rules.counterfeit_wording

import data.xiaoer.lib
import data.xiaoer.lib.lexicon

meta := {
	"id": "counterfeit-wording",
	"title": "仿冒用语",
	"severity": "error",
	"kinds": ["listing"],
	"description": "标题或描述使用高仿、A货、原单、1:1复刻等用语，表明商品可能是假冒商品（平台售假规则；《商标法》第五十七条第三项）。",
	"basis": object.union(data.tables.counterfeit.basis, {"penalty": "平台售假处罚；消费者可主张价款三倍赔偿（《消费者权益保护法》第五十五条）"}),
	"suggestion": "删除仿冒用语；只销售有授权或合法来源的商品。",
	"exposure": {"punitive": true},
}

candidates contains c if {
	some c in lexicon.matches("counterfeit", "words", {})
	partnered(c)
}

partnered(c) if not c.entry.needs

partnered(c) if lexicon.in_context("counterfeit", c.entry.needs, c)

hits := lexicon.longest(candidates)

exempt(c) if lexicon.registered(c)

exempt(c) if {
	some name in object.get(c.entry, "allow", [])
	lexicon.in_context("counterfeit", name, c)
}

# exemption names the exemption that lets hit c pass, for explanations.
exemption(c) := lexicon.name_exemption(c) if {
	lexicon.registered(c)
} else := names[0] if {
	names := [name | some name in object.get(c.entry, "allow", []); lexicon.in_context("counterfeit", name, c)]
	count(names) > 0
}

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": exemption(c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	not exempt(c)
	f := lib.finding(meta, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("仿冒用语「%s」：平台按售假处理，消费者可主张三倍赔偿", [c.word]),
		"suggestion": c.entry.suggestion,
		"details": {"word": c.word},
	})
}
