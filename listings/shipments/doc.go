// Package shipments reads a shop's orders and the carriers' tracking answers
// and turns each order into a policy input document of kind "shipment", so
// the shipping rules (shipping-late, shipping-fake, shipping-stalled,
// shipping-promise-rate) can judge it in Rego.
//
// Inputs:
//   - orders as CSV (English or Chinese headers, UTF-8 or GB18030) or JSON
//     (an array, {"orders": [...]}, or JSON Lines), each order with its
//     tracking events inline ("events", or a whole carrier answer under
//     "tracking") or not at all;
//   - tracking answers in the two formats sellers already fetch: Kuaidi100
//     (nu, com, state, data[{time, ftime, context, status?}]) and KDNiao
//     (LogisticCode, ShipperCode, State, Traces[{AcceptTime, AcceptStation,
//     Action?}]), one answer per file or an array of answers. They join
//     orders by tracking number.
//
// Go extracts facts (times in Asia/Shanghai as RFC 3339 and Unix seconds,
// each event's kind read from its status or, failing that, its text); the
// windows, thresholds and compensation tables are data the policies read.
//
// Streaming: a Source makes two passes over the order files. The first
// builds the index (tracking number → orders using it, tracking number →
// where its answer is, per-listing promise counts); the second streams the
// orders again and yields one document per order, then one per listing's
// promise. Only the index grows with the number of orders. Judging them is
// the scanner's job (scanner.RunShipments: the same pool and engine as
// listings); this package never imports scanner.
package shipments
