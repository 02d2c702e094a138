package engine

import (
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// dataCache is the base-document cache (topdown.BaseCache) of the pack's
// evaluations, shared by all of them. OPA gives each evaluation a cache of
// its own, so every evaluation read each table it asked for (data.tables.
// ad_absolute, data.tables.ad_unsourced_claim...) out of the store again
// and built the cache's path to it: about 10k instructions a reference, a
// dozen of them on a shop export row. The pack's store has no writer once
// the engine is set up (compiledOnce commits it), so what one evaluation
// read holds for the next. It keeps what the store gave, as OPA's cache
// does: values already held by the store, and no read that found nothing.
//
// Evaluations of a scan's workers read it at once, and nearly never add
// to it after the first listings: its nodes are sync.Maps, which read
// without a lock.
type dataCache struct {
	root dataNode
}

// dataNode is a key of a reference: the document there, once read, and
// the keys below it read before.
type dataNode struct {
	value    atomic.Pointer[ast.Value]
	children sync.Map // ast.Value -> *dataNode
}

// Get is the document at ref, found under a document read before (nil:
// none was), as OPA's cache finds it.
func (c *dataCache) Get(ref ast.Ref) ast.Value {
	node := &c.root
	for i := range ref {
		child, ok := node.children.Load(ref[i].Value)
		if !ok {
			return nil
		}
		node = child.(*dataNode)
		if v := node.value.Load(); v != nil {
			found, err := (*v).Find(ref[i+1:])
			if err != nil {
				return nil
			}
			return found
		}
	}
	return nil
}

// Put keeps value, the document the store gave at ref.
func (c *dataCache) Put(ref ast.Ref, value ast.Value) {
	node := &c.root
	for i := range ref {
		child, ok := node.children.Load(ref[i].Value)
		if !ok {
			child, _ = node.children.LoadOrStore(ref[i].Value, new(dataNode))
		}
		node = child.(*dataNode)
	}
	node.value.Store(&value)
}
