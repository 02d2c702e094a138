# ad-unsourced-claim, part 2: the figures a claim counts with (people,
# items, shares), the metric words a rate reads and the hit a figure gives.
package xiaoer.rules.ad_unsourced_claim

import data.xiaoer.lib.lexicon

# unit_fits: a word after a figure counts people after any counted figure,
# or only after the units its entry names (猫咪 after a share: 96%猫咪爱用;
# after a weight it is the pet's size: 15斤以内猫咪).
unit_fits(_, key) if data.tables.ad_unsourced_claim.metrics_after[key] == true

unit_fits(num, key) if num.unit in data.tables.ad_unsourced_claim.metrics_after[key].units

big(num) if num.plus

big(num) if num.value >= 1000

counted(num) if data.tables.ad_unsourced_claim.count_units[num.unit]

counted(num) if num.unit == "%"

counted(num) if {
	num.unit == ""
	num.plus
}

counted(num) if {
	num.unit == ""
	num.value >= 10000
}

# metric_runs are the listing's hits of the lexicon that are metrics of
# the kind: picked once per evaluation, and walked for every rate. They
# are read from found, whose hits carry their entries (the skipped
# fields hold no figure a metric could stand before).
metric_runs(kind) := [r |
	some r in found
	metric_is(r.entry, kind)
]

# count_end is [last token, end offset] of the count at a number that
# xiaoer.numbers_at found after a count word: the figure fact there if it
# counts people or items (已售5000件; not 销售保2年), or else a bare run of
# digits that is no model code (热销233xx).
count_end(_, at) := [lexicon.figure_last(num), num.e] if {
	num := at.figure
	counted(num)
}

count_end(name, at) := [last, at.e] if {
	last := at.last
	not letter_at(name, last + 1)
}

letter_at(name, i) if regex.match(`^[a-z]`, input.listing.fields[name].tokens[i].t)

figure_hit(name, i, n, s, e) := {
	"field": name, "i": i, "n": n, "s": s, "e": e,
	"word": lexicon.key_at(name, i, n), "entry": figure_entry,
}
