# METADATA
# title: word-list rules
# description: |
#   The shape most advertising rules share: the words of a table's lexicon
#   (data.tables.<table>.words) found in the listing, each kept only beside
#   its partner context when its entry names one (needs), the longest of
#   overlapping hits, and the exemptions the entry names (allow) plus the
#   table's own (allow_all) and the names of the listing (registered names,
#   its 品牌 attribute, titles of works). An entry marked "name" is a
#   product or work name holding a word of the list (招财猫, 转运珠): it
#   wins the overlap and is never reported.
package xiaoer.lib.wordrule

import data.xiaoer.lib.lexicon
import data.xiaoer.lib.pattern

# hits are the open hits of table: its words and its word-class patterns
# (see pattern.rego) found outside skip, partnered, longest of
# overlapping, names dropped.
hits(table, skip) := {c |
	some c in lexicon.longest({c |
		some c in lexicon.matches(table, "words", skip) | pattern.hits(table, skip)
		partnered(table, c)
	})
	not c.entry.name
}

partnered(_, c) if not c.entry.needs

partnered(table, c) if lexicon.in_context(table, c.entry.needs, c)

# A word of the title can be the partner of a hit in another field: a
# lucky object named in the title (文昌笔) makes the description's 逢考必过
# its promise (data.tables.<table>.contexts.<needs>.title).
partnered(table, c) if {
	words := data.tables[table].contexts[c.entry.needs].title
	c.field != "title"
	some runs in lexicon.context_at.title
	some r in runs
	words[r.key]
}

# A listing's category can be the partner context itself: in 教育培训 every
# sentence is about a course (data.tables.<table>.category_contexts.<needs>
# lists the category words).
partnered(table, c) if {
	some word in data.tables[table].category_contexts[c.entry.needs]
	contains(object.get(input.listing, "category", ""), word)
}

# allows are the exemptions checked for hit c: the entry's and the table's.
# An entry's deny names table-wide exemptions that do not hold for it (开光
# on a 唐卡 is a claim about the object, not a phrase printed on it).
allows(table, c) := array.concat(object.get(c.entry, "allow", []), object.get(data.tables[table], "allow_all", [])) if {
	not c.entry.deny
} else := [name |
	some name in array.concat(object.get(c.entry, "allow", []), object.get(data.tables[table], "allow_all", []))
	not name in c.entry.deny
]

# exemption names the first exemption that lets hit c pass.
exemption(table, c) := lexicon.name_exemption(c) if {
	lexicon.registered(c)
} else := names[0] if {
	names := [name | some name in lexicon.may_hold(table, allows(table, c)); lexicon.in_context(table, name, c)]
	count(names) > 0
}

# open reports whether hit c is a finding: no exemption holds.
open(table, c) if not exemption(table, c)

# basis is the rule's basis with the entry's own law and link where it
# names them (an entry resting on another article than the rule's).
basis(meta, c) := object.union(meta.basis, object.filter(c.entry, ["law", "link"])) if {
	c.entry.law
} else := meta.basis
