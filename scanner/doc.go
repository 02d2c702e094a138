// Package scanner is the pipeline: it expands inputs (files, directories,
// URLs, shop exports, orders and tracking), runs them through one worker
// pool that parses each into listings or shipment documents, judges them
// with the engine and locates the findings, and hands back one Result per
// listing, order or unreadable input, with suppressions, the baseline and
// resumable runs applied.
package scanner
