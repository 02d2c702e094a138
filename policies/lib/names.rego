# Names that exempt a hit (part of package lexicon, whose METADATA it
# shares): registered names, the listing's own brand, titles of works, and
# the negation scope of negation.rego — the exemption every rule asks first.
package xiaoer.lib.lexicon

# registered_names are the names the user registered: in data files
# (data.tables.registered_names.names) and in .xiaoer.yaml's
# registered-names (data.config.registered_names), keyed by their
# normalised form.
registered_names := object.union(object.get(data.tables, ["registered_names", "names"], {}), config_names)

default config_names := {}

config_names := data.config.registered_names

# brand_names are the names the listing's own 品牌/品牌名称 attribute gives
# (迪奥/Dior gives 迪奥 and dior), keyed like tokens: lower-case, no spaces,
# and the names its text declares the same way (品牌：最生活).
#
# On the engine's documents xiaoer.brand_names (policies/
# brandnamesbuiltin.go) gives them in one step: the split and the walk of
# the tokens after each brand label below took about 900k instructions a
# listing with a brand attribute (the attributes field holds its label).
# Documents built by hand take the Rego.
brand_names := names if {
	names := xiaoer.brand_names(input.listing, data.tables.registered_names)
} else := object.union(attribute_brands, declared_brands)

attribute_brands := {name: true |
	some a in object.get(input, ["listing", "attributes"], [])
	data.tables.registered_names.brand_attributes[a.name]
	some part in regex.split(`[/／|｜,，、;；()（）]+`, lower(a.value))
	name := replace(trim_space(part), " ", "")
	name != ""
}

# declared_brands are the names a field declares after a brand label and
# a colon (品牌：最生活（注册商标）, 品牌: ABSOLUT 绝对 gives absolut and 绝对):
# each run of up to four tokens written without a space between them,
# before any clause mark or bracket, within six tokens of the colon.
declared_brands := {name: true |
	some label in found("registered_names", "brand_attributes")
	toks := input.listing.fields[label.field].tokens
	colon := label.i + label.n
	toks[colon].t in {":", "："}
	last := min([colon + 6, count(toks) - 1])
	last > colon
	# the run ends before the first mark after the colon (stop): every
	# token from the colon to it is looked at once, not once per run
	stop := min(array.concat([m | some m in numbers.range(colon + 1, last); is_mark(toks[m].t)], [last + 1]))
	stop > colon + 1
	some a in numbers.range(colon + 1, stop - 1)
	run_edge(toks, a - 1, a)
	some b in numbers.range(a, min([a + 3, stop - 1]))
	glued(toks, a, b)
	run_edge(toks, b, b + 1)
	name := concat("", [toks[m].t | some m in numbers.range(a, b)])
}

# marked_titles are the names the listing writes between 《 and 》
# anywhere (绘本书名《失眠的夜晚》): the same name elsewhere, unmarked, is
# the title too (失眠的夜晚 绘本).
marked_titles := {name: true |
	some open in found("registered_names", "title_marks")
	open.key == "《"
	toks := input.listing.fields[open.field].tokens
	some close in found("registered_names", "title_marks")
	close.field == open.field
	close.key == "》"
	close.i > open.i + 1
	close.i <= open.i + 13
	not mark_between(open.field, open.i + 1, close.i - 1, "》")
	name := concat("", [toks[m].t | some m in numbers.range(open.i + 1, close.i - 1)])
	count(name) > 1
}

# glued: tokens a..b follow each other with nothing between them.
glued(_, a, a)

glued(toks, a, b) if {
	a < b
	every m in numbers.range(a + 1, b) {
		toks[m].s == toks[m - 1].e
	}
}

# run_edge: tokens i and j (= i + 1) are not one run: a space between
# them, either a mark, or either outside the field. An else chain: the
# first reason that holds ends the call (a brand declaration tries it for
# every token after its colon).
run_edge(toks, i, j) := true if {
	not toks[i]
} else := true if {
	not toks[j]
} else := true if {
	toks[j].s != toks[i].e
} else := true if {
	is_mark(toks[i].t)
} else := true if {
	is_mark(toks[j].t)
} else := false

# is_mark answers false rather than nothing, so either answer is kept for
# the token text.
is_mark(t) := regex.match(`^[\pP\pS]+$`, t)

# registered reports whether hit c lies inside a name (a registered
# trademark or product name, the listing's brand, a title of a work),
# looking at runs of up to 8 tokens either side of the hit, or inside a
# title in 《》; or in the scope of a negation (negation.rego), the other
# exemption every rule shares.
registered(c) if {
	not unexempting
	name_exemption(c)
}

# unexempting: the listing has no name (nameless) and no negation word
# (held has no negated_scope, so in_context answers false for every hit):
# no hit can be exempted, and registered answers at once, without the
# three calls of name_exemption, negated and in_context per hit (the
# usual case, checked once per evaluation).
#
# On the engine's documents xiaoer.plain_listing
# (policies/unexemptingbuiltin.go) answers the usual case in one step
# (its reads, negations and brand_attribute took about 70k instructions
# a listing that reaches a word rule); where it says false, or on
# documents built by hand, the second body decides.
unexempting := true if {
	xiaoer.plain_listing(input.listing, data.tables.registered_names)
	not data.config.registered_names
} else := true if {
	nameless
	not input.listing.lexicon.held.negation.negated_scope
	input.listing.lexicon.held # not walked (lexicon.rego: held)
}

# name_exemption names the exemption every rule shares: the kind of name
# hit c lies inside, or the negation whose scope holds it (negation.rego). Titles of works
# are a lexicon (data.tables.registered_names.works, and the title marks 《
# 》): only the runs the listing holds are looked at.
#
# On the engine's documents (those with the found list)
# xiaoer.name_kind (policies/namekindbuiltin.go) answers name_kind in one
# step, undefined where the hit lies in no name: name_kind's bodies and
# calls took about 360k instructions a judged export row with a brand
# attribute. Documents built by hand take name_kind.
name_exemption(c) := kind if {
	not nameless
	kind := xiaoer.name_kind(input.listing, c, registered_names, brand_names)
} else := name_kind(c) if {
	not input.listing.lexicon.found
	not nameless
} else := "negated" if {
	negated(c)
}

# nameless: the listing has no name a hit could lie inside (most have
# none), so a hit's shared exemption is its negation alone; checked once
# per evaluation instead of once per hit. It is a shortcut only: where it
# does not hold, name_kind finds no name either, so it may miss a
# nameless listing (a brand attribute with an empty value) but must
# never hold for one with a name. Hence the cheap tests below in place
# of building the names: brand names come from a brand attribute or
# from a brand label in a field (declared_brands), and labels, works and
# title marks are runs of the registered_names lexicons.
#
# The first body is the usual case on an engine's document, in plain
# reads: the engine lists no run of the registered_names lexicons, the
# table names nothing and the config names nothing. Building
# registered_names (a union, a lookup over data.tables and a rule with a
# default) and asking no_name_runs cost about twice as much. The first
# body holds only where no_names does.
#
# Where it does not hold on an engine's document (a brand attribute,
# a run of a names lexicon, names in the table or the config), the
# listing is taken to have a name: xiaoer.name_kind finds the names
# itself for each hit, and working out no_names first cost a judged
# export row with a brand attribute about 26k instructions. On documents
# built by hand no_names decides as before.
nameless := true if {
	not input.listing.lexicon.found.registered_names
	input.listing.lexicon.found
	data.tables.registered_names.names == {}
	not data.config.registered_names
	not brand_attribute
} else := false if {
	input.listing.lexicon.found
} else := no_names

# no_names is nameless worked out in full: no registered name, no brand
# attribute, no run of a names lexicon.
no_names if {
	count(registered_names) == 0
	not brand_attribute
	no_name_runs
}

brand_attribute if {
	some a in object.get(input, ["listing", "attributes"], [])
	data.tables.registered_names.brand_attributes[a.name]
}

# no_name_runs: no brand label, work title or title mark in the listing.
# The engine lists only the tables with runs (input.listing.lexicon.found),
# so a listing without any is one lookup; without that list, found walks
# the runs.
no_name_runs if {
	input.listing.lexicon.found
	not input.listing.lexicon.found.registered_names
} else := true if {
	count(found("registered_names", "brand_attributes")) == 0
	count(found("registered_names", "works")) == 0
	count(found("registered_names", "title_marks")) == 0
}

# name_kind is the kind of name hit c lies inside.
name_kind(c) := "registered_name" if {
	inside_name(c, registered_names)
} else := "brand_attribute" if {
	inside_name(c, brand_names)
} else := "work_title" if {
	some w in found("registered_names", "works")
	w.field == c.field
	w.i <= c.i
	c.i + c.n <= w.i + w.n
} else := "work_title" if {
	in_title_marks(c)
} else := "work_title" if {
	inside_name(c, marked_titles)
}

#
# A run around the hit spells a name only if the name holds the hit's own
# text: with few names (a listing's brand, a shop's handful) each is
# looked at for that text first, and the 81 runs around the hit are built
# only for a name that holds it (most hits lie in none).
inside_name(c, known) if {
	count(known) > 0
	count(known) <= 16
	toks := input.listing.fields[c.field].tokens
	text := concat("", [toks[m].t | some m in numbers.range(c.i, (c.i + c.n) - 1)])
	some name, _ in known
	contains(name, text)
	run_spells(c, toks, name)
}

inside_name(c, known) if {
	count(known) > 16
	toks := input.listing.fields[c.field].tokens
	last := (c.i + c.n) - 1
	some a in numbers.range(max([c.i - 8, 0]), c.i)
	some b in numbers.range(last, min([last + 8, count(toks) - 1]))
	known[concat("", [toks[m].t | some m in numbers.range(a, b)])]
}

# run_spells: a run of tokens from up to 8 before hit c to up to 8 after
# it spells name.
run_spells(c, toks, name) if {
	last := (c.i + c.n) - 1
	some a in numbers.range(max([c.i - 8, 0]), c.i)
	some b in numbers.range(last, min([last + 8, count(toks) - 1]))
	name == concat("", [toks[m].t | some m in numbers.range(a, b)])
}

# in_title_marks: the hit lies between 《 and 》 (a book, song or film
# title is data, not a claim), within 12 tokens either side.
in_title_marks(c) if {
	some open in found("registered_names", "title_marks")
	open.field == c.field
	open.key == "《"
	open.i < c.i
	open.i >= c.i - 12
	some close in found("registered_names", "title_marks")
	close.field == c.field
	close.key == "》"
	close.i >= c.i + c.n
	close.i <= (c.i + c.n) + 12
	not mark_between(c.field, open.i + 1, c.i - 1, "》")
	not mark_between(c.field, c.i + c.n, close.i - 1, "《")
}

mark_between(name, a, b, mark) if {
	a <= b
	some m in numbers.range(a, b)
	input.listing.fields[name].tokens[m].t == mark
}
