package facts

import "slices"

// promiseMatchers run in this order, and words one matcher takes are not
// read again: return terms come first (退货运费自理 is not a postage term,
// 七天无理由 is not a shipping window), refusals before offers within each
// family, and bare shipping windows last.
var promiseMatchers = slices.Concat(
	returnMatchers,
	postageMatchers,
	invoiceMatchers,
	guaranteeMatchers,
	shippingMatchers,
)
