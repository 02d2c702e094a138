// Package dist spreads a bulk scan over workers on many machines through
// NATS JetStream, which it can also embed so that one machine needs nothing
// else.
//
// A job is a set of tasks on a work-queue stream (one task per input, a
// chunk of a long title list, or a run of shop-export rows); its settings sit
// in a key-value bucket and inputs larger than a message in an object store.
// Workers take tasks, judge them with the same scanner as a local scan,
// publish each task's results to a results stream under a de-duplication id
// (job + task) and acknowledge the task only once the stream has stored
// them. A worker that dies holding a task leaves it unacknowledged, so the
// stream hands it out again after its ack wait; a collector reads the job's
// results, drops any second copy of a task and knows the job is complete when
// every task has exactly one.
package dist
