# Tokens by position, part of package lexicon (whose annotations it
# shares): the keys of the runs from a token, and the tokens a figure
# starts at, ends at and is followed by.
package xiaoer.lib.lexicon

# key_at is the concatenation of n tokens of field name from index i
# (computed where a rule looks, so a rule that walks its hits never
# builds the runs of the whole listing); undefined where the tokens end
# first. key_at is called for every token around every hit: the tokens
# are joined in Go (xiaoer.key_at, policies/keyatbuiltin.go), one step
# where the Rego's five clauses took several.
key_at(name, i, n) := xiaoer.key_at(input.listing.fields[name].tokens, i, n)

# keys_at are the keys of the runs of 1 to max_run tokens from token i of
# field name: keys_at(name, i)[k] spans k+1 tokens (fewer keys near the end
# of the field).
keys_at(name, i) := [key_at(name, i, n) | some n in numbers.range(1, max_run)]

# starts and ends index each field's tokens by their byte offsets, so a
# figure's span can be joined to the tokens around it.
starts := {name: {tok.s: i | some i, tok in field.tokens} | some name, field in fields}

ends := {name: {tok.e: i | some i, tok in field.tokens} | some name, field in fields}

# figure_first, figure_last and figure_next are the tokens of figure num
# (an input.listing.numbers entry): the one it starts at, the one it ends
# at, the one that starts where it ends. The engine's figures carry them
# (ti, tl, tn; -1 for none), so no rule indexes every token by offset;
# figures written by hand (policy tests) fall back to starts and ends.
figure_first(num) := num.ti if num.ti >= 0 else := starts[num.field][num.s] if not num.ti

figure_last(num) := num.tl if num.tl >= 0 else := ends[num.field][num.e] if not num.tl

figure_next(num) := num.tn if num.tn >= 0 else := starts[num.field][num.e] if not num.tn
