package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Engine evaluates policy input documents with one prepared query, shared by
// every worker (prepared queries are safe for concurrent use).
type Engine struct {
	findings rego.PreparedEvalQuery
	catalog  []finding.RuleMeta
	timeout  time.Duration
	revision string
	// lexicon holds the words of the data tables (lexiconKeys and
	// contextKeys), for input.listing.lexicon.
	lexicon lexiconWords
	// gate skips the rules a listing gives nothing to (nil: every rule
	// judges every listing).
	gate *gate
	// judged are the embedded rule packages of each kind of document.
	judged judgedRules
	// reads are the tables each embedded rule package can read, so a
	// listing's lexicon facts leave out the others (tablereads.go; nil:
	// every table's, as when user policies read the input too).
	reads *tableReads
	// skips share the input's items that follow from the packages the
	// gate skips (skipshare.go).
	skips *skipShares
	// userRules are judged apart from the embedded pack (userrules.go).
	userRules []userRule
	memory    *memWatch
	// fields shares the terms of fields that repeat between listings
	// (fieldterms.go).
	fields *fieldTerms
	// shipGate skips the shipment rules an order lacks the facts for
	// (nil: every shipment rule judges every shipment).
	shipGate *shipGate
	// shipMemo judges orders on a shared tracking number once per group
	// (shipmemo.go; nil: every order on its own).
	shipMemo *shipMemo
	// ruleQueries evaluate a document's rules without main.rego's lookup
	// (shipquery.go, listquery.go; nil: main.rego for every document).
	ruleQueries *ruleQueries
	// exposures remember lib.exposure_of's answers for the pack's
	// evaluations (exposurememo.go; nil: worked out in each).
	exposures *exposureMemo
	// data is the base documents the pack's evaluations read, shared by
	// them (datacache.go).
	data *dataCache
}

// Options configures the policy set.
type Options struct {
	// Bundles are user policies and data (LoadPolicyDir, LoadDataFile),
	// merged into the embedded bundle in order: later data wins.
	Bundles []*bundle.Bundle
	Timeout time.Duration // per evaluation; 0 means DefaultEvalTimeout
	// Memory is the heap one evaluation may add (memwatch.go); 0 means
	// DefaultEvalMemory.
	Memory uint64
	// Capabilities restrict the builtins policies may call (nil: the
	// default safe set, see SafeCapabilities).
	Capabilities *ast.Capabilities
	// EvaluateAll evaluates every rule on every listing, ignoring the
	// rules' needs (to prove the gate changes no finding).
	EvaluateAll bool
}

// DefaultEvalTimeout bounds one evaluation, so a runaway user policy costs
// one input an error, not the whole batch.
const DefaultEvalTimeout = 10 * time.Second

// NewEngine compiles the embedded policies plus any extra bundles and
// prepares the queries once.
func New(ctx context.Context, opts Options) (*Engine, error) {
	embedded, err := policies.Embedded()
	if err != nil {
		return nil, err
	}
	caps := opts.Capabilities
	if caps == nil {
		caps = SafeCapabilities()
	}
	merged, err := withUserPolicies(embedded, opts.Bundles)
	if err != nil {
		return nil, err
	}
	base := withBundle(merged, caps)
	e := &Engine{timeout: opts.Timeout, revision: embedded.Manifest.Revision, lexicon: newLexiconWords(merged.Data)}
	if e.timeout == 0 {
		e.timeout = DefaultEvalTimeout
	}
	if opts.Memory == 0 {
		opts.Memory = DefaultEvalMemory
	}
	e.memory = newMemWatch(opts.Memory)
	e.fields = newFieldTerms()
	e.data = &dataCache{}
	pack, compiled, err := compiledOnce(ctx, embeddedOnly(embedded, merged), caps, !opts.EvaluateAll)
	if err != nil {
		return nil, err
	}
	if e.findings, err = prepare(ctx, "data.xiaoer.main.findings", pack); err != nil {
		return nil, err
	}
	// The catalogue and the rules' needs come from one more compilation
	// when user policies add modules; without them, the pack's is the same.
	setupBase := base
	if len(merged.Modules) == len(embedded.Modules) {
		setupBase = pack
	}
	setup, err := loadSetup(ctx, setupBase)
	if err != nil {
		return nil, err
	}
	if e.catalog, err = catalogOf(setup.Catalog); err != nil {
		return nil, err
	}
	e.judged = newJudgedRules(setup.Kinds, embedded)
	var parts *partReads
	if len(merged.Modules) == len(embedded.Modules) {
		e.reads = newTableReads(embedded, e.lexicon.bits)
		parts = newPartReads(compiled)
	}
	if !opts.EvaluateAll {
		if e.gate, err = newGate(setup.Needs.Rules, merged.Data, e.lexicon); err != nil {
			return nil, err
		}
		if e.shipGate, err = newShipGate(embeddedRules(setup.Needs.Shipments, embedded)); err != nil {
			return nil, err
		}
		e.shipMemo = newShipMemo()
		e.ruleQueries = newRuleQueries(pack, hitRules(ctx, embedded, pack))
		if e.exposures, err = newExposureMemo(ctx, pack); err != nil {
			return nil, err
		}
		e.exposures.metas = ruleMetas(compiled)
	}
	if e.userRules, err = prepareUserRules(ctx, userRuleFiles(opts.Bundles), base); err != nil {
		return nil, err
	}
	if len(e.userRules) > 0 {
		parts = nil // user rules read the same input: every part
	}
	e.skips = newSkipShares(e.judged, e.reads, parts)
	return e, nil
}

// withBundle is the rego options every query of a bundle shares.
func withBundle(b *bundle.Bundle, caps *ast.Capabilities) []func(*rego.Rego) {
	return []func(*rego.Rego){
		rego.ParsedBundle("xiaoer", b),
		rego.Capabilities(caps),
		rego.StrictBuiltinErrors(true),
		rego.SetRegoVersion(ast.RegoV1),
		rego.StoreReadAST(true),
	}
}

// compiledOnce compiles bundle b into a compiler and a store of its own,
// once, and returns the options that prepare queries on them: each query
// then compiles only itself. The embedded pack's queries (main.rego's and
// one per shipment rule list, shipquery.go) share one compiled copy of
// the policies instead of a copy each (a compilation, and about 10 MB the
// collector marks on every cycle of a long shipments run). With
// exposures (the engine answers xiaoer.exposure) the pack's findings are
// built by one builtin call each (findingcall.go), and its constants are
// written in place (constantrules.go); without them (EvaluateAll) the
// pack is compiled as written, the reference the tests compare with.
func compiledOnce(ctx context.Context, b *bundle.Bundle, caps *ast.Capabilities, exposures bool) ([]func(*rego.Rego), *ast.Compiler, error) {
	store := inmem.NewWithOpts(inmem.OptReturnASTValuesOnRead(true))
	c := ast.NewCompiler().
		WithCapabilities(caps).
		WithUseTypeCheckAnnotations(true).
		WithDefaultRegoVersion(ast.RegoV1)
	if exposures {
		c = c.WithStageAfterID(ast.StageResolveRefs, engineFindingCalls).
			WithStageAfterID(ast.StageSetRuleTree, engineConstantRules)
	}
	shared := []func(*rego.Rego){
		rego.Compiler(c),
		rego.Store(store),
		rego.Capabilities(caps),
		rego.StrictBuiltinErrors(true),
		rego.SetRegoVersion(ast.RegoV1),
	}
	txn, err := store.NewTransaction(ctx, storage.WriteParams)
	if err != nil {
		return nil, nil, fmt.Errorf("compile policies: %w", err)
	}
	activate := append([]func(*rego.Rego){rego.ParsedBundle("xiaoer", b), rego.Transaction(txn)}, shared...)
	if _, err := prepare(ctx, "true", activate); err != nil {
		store.Abort(ctx, txn)
		return nil, nil, err
	}
	if err := store.Commit(ctx, txn); err != nil {
		return nil, nil, fmt.Errorf("compile policies: %w", err)
	}
	return shared, c, nil
}

func prepare(ctx context.Context, query string, base []func(*rego.Rego)) (rego.PreparedEvalQuery, error) {
	opts := append([]func(*rego.Rego){rego.Query(query)}, base...)
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return pq, fmt.Errorf("compile policies: %w", err)
	}
	return pq, nil
}

// setup is what the engine reads from the policies once: the rule
// catalogue, every listing rule's needs and the kinds of document each
// rule package judges (data.xiaoer.main.setup).
type setup struct {
	Catalog []finding.RuleMeta `json:"catalog"`
	Needs   struct {
		Rules     map[string]json.RawMessage `json:"rules"`
		Shipments map[string]json.RawMessage `json:"shipments"`
	} `json:"needs"`
	Kinds map[string][]string `json:"kinds"`
}

func loadSetup(ctx context.Context, base []func(*rego.Rego)) (*setup, error) {
	pq, err := prepare(ctx, "data.xiaoer.main.setup", base)
	if err != nil {
		return nil, err
	}
	var s setup
	if err := evalInto(ctx, pq, &s); err != nil {
		return nil, fmt.Errorf("rule catalogue and needs: %w", err)
	}
	return &s, nil
}

func catalogOf(metas []finding.RuleMeta) ([]finding.RuleMeta, error) {
	metas = append(metas, ToolRules...)
	sortRules(metas)
	if err := checkRuleIDs(metas); err != nil {
		return nil, err
	}
	return metas, nil
}

// Rules is the rule catalogue, sorted by id.
func (e *Engine) Rules() []finding.RuleMeta { return e.catalog }

// Revision is the embedded policy revision.
func (e *Engine) Revision() string { return e.revision }

// ErrEvalTimeout marks an evaluation that hit the time limit.
var ErrEvalTimeout = errors.New("policy evaluation exceeded the time limit")

// Eval judges one document and returns its findings (evidence filled from
// the field text, fingerprints not yet set). The embedded pack's error is
// the document's error; a user rule's error is an error finding of that
// rule, beside the embedded findings.
func (e *Engine) Eval(ctx context.Context, doc *facts.Document) ([]finding.Finding, error) {
	return e.EvalGated(ctx, doc, Gated{})
}

// EvalGated is Eval of a listing's document built from the fields Gate
// cut, with what Gate read of them (the zero Gated: nothing read), so the
// gate does not read the tokens again.
func (e *Engine) EvalGated(ctx context.Context, doc *facts.Document, read Gated) ([]finding.Finding, error) {
	skip, none := e.skipped(doc, read)
	if none {
		return []finding.Finding{}, nil // no rule can find anything here
	}
	input, err := e.judgedInput(doc, skip)
	if err != nil {
		return nil, err
	}
	found, err := e.evalFindings(e.withExposures(ctx), input)
	if err != nil {
		return nil, err
	}
	found = append(found, e.evalUserRules(ctx, doc, input)...)
	fillEvidence(doc, found)
	return found, nil
}

// evalBounded evaluates one query on one input within the time limit and
// the memory budget (the memory watch halts it for either, and for the
// caller's cancellation).
func (e *Engine) evalBounded(ctx context.Context, pq rego.PreparedEvalQuery, out any, input ast.Value, opts ...rego.EvalOption) error {
	slot := e.memory.enter(ctx, e.timeout)
	defer slot.cancel()
	opts = append(opts, rego.EvalParsedInput(input), rego.EvalExternalCancel(slot.halt), noMetrics)
	err := evalInto(slot.ctx, pq, out, opts...)
	stopped := e.memory.leave(slot)
	switch {
	case err == nil:
		return nil
	case stopped != nil:
		return stopped
	case slot.ctx.Err() == context.DeadlineExceeded:
		return fmt.Errorf("%w (%s): %v", ErrEvalTimeout, e.timeout, err)
	}
	return fmt.Errorf("evaluate policies: %w", err)
}

// noMetrics keeps OPA from timing each evaluation: nothing reads the
// timings, and without this option every evaluation made a metrics
// object of three maps and a timer.
var noMetrics = rego.EvalMetrics(metrics.NoOp())

// Input is the document as the policies read it: the document, plus
// input.listing.lexicon, the token runs some table knows and the rules
// skipped (so tools that time or replay evaluations see what Eval
// evaluates). Eval leaves out the parts of it no rule judging the
// listing can read (judgedInput), which find the same.
func (e *Engine) Input(doc *facts.Document) (ast.Value, error) {
	skip, _ := e.Skipped(doc)
	return e.input(doc, skip)
}

// Skipped is the rule packages that cannot find anything in a listing
// document (by their declared needs) and are not evaluated for it, and
// whether that is every listing rule (then nothing is evaluated). For a
// shipment document it is the embedded shipment rules it lacks the facts
// for, and whether no rule at all is evaluated.
func (e *Engine) Skipped(doc *facts.Document) ([]string, bool) { return e.skipped(doc, Gated{}) }

func (e *Engine) skipped(doc *facts.Document, read Gated) ([]string, bool) {
	if doc.Kind == "shipment" && e.shipGate != nil {
		return e.shipGate.skipped(doc), len(e.shipGate.needed(doc)) == 0 && len(e.userRules) == 0
	}
	if e.gate == nil || doc.Kind != "listing" || doc.Listing == nil {
		return nil, false
	}
	return e.gate.skip(doc.Listing, read.tokens)
}

// Unjudged reports that no rule can find anything in the listing: Eval of
// its document would skip every rule. Checking costs far less than
// building the document: the text first, then, where the text allows
// some rule, the tokens (fields cuts them: Builder.Fields, called at most
// once, so the document can be built from them). A false is no promise
// that some rule judges it.
func (e *Engine) Unjudged(l *listings.Listing, fields func() map[string]facts.Field) bool {
	_, unjudged := e.Gate(l, fields)
	return unjudged
}

// Gate is Unjudged, and for a listing it cannot rule out, what it read of
// the tokens: EvalGated of the document built from those fields reads
// them no more.
func (e *Engine) Gate(l *listings.Listing, fields func() map[string]facts.Field) (Gated, bool) {
	if e.gate == nil {
		return Gated{}, false
	}
	return e.gate.unjudged(l, fields)
}

// Gated is what the gate read of a listing's tokens (Engine.Gate): the
// alternatives their words and prefixes mark, counted as gate.skip counts
// them (nil: not read).
type Gated struct{ tokens *marks }

// Dodges fold the dodged spellings of the policy tables' words (手慢wu,
// 仅此壹次) back before cutting: the Builder of this engine's documents
// uses them, so the prefilter and the tokens read the same text.
func (e *Engine) Dodges() *facts.Dodges { return e.lexicon.dodges }

func (e *Engine) input(doc *facts.Document, skip []string) (ast.Value, error) {
	return e.inputWith(doc, e.skips.of(doc.Kind, skip), allParts)
}

// judgedInput is input as the evaluation of the rules not skipped reads
// it: without the parts none of them can read (partreads.go). Input and
// the tools keep the whole document, as the schema has it.
func (e *Engine) judgedInput(doc *facts.Document, skip []string) (ast.Value, error) {
	s := e.skips.of(doc.Kind, skip)
	return e.inputWith(doc, s, s.parts)
}

func (e *Engine) inputWith(doc *facts.Document, s *skipShare, parts inputParts) (ast.Value, error) {
	rules := ast.Item(keyRules, s.rules)
	if doc.Listing == nil {
		return plainInput(doc, rules, e.lexicon, s.skipped, allTables)
	}
	if !plainDocument() {
		return plainInput(doc, rules, e.lexicon, s.skipped, s.tables)
	}
	var lexicon [2]*ast.Term // left out unless parts keeps it
	if parts&partLexicon != 0 {
		lexicon = ast.Item(keyLexicon, lexiconFacts(doc.Listing.Fields, e.lexicon, s.skipped, s.tables))
	}
	return listingInput(doc, lexicon, rules, e.fields, parts)
}

// plainInput is the document as toAST converts it, with the rules and,
// for a listing, the lexicon facts of the tables in the mask tables and
// the skipped packages (skippedTerm) added (what listingInput builds
// faster).
func plainInput(doc *facts.Document, rules [2]*ast.Term, lw lexiconWords, skipped *ast.Term, tables uint64) (ast.Value, error) {
	v, err := toAST(doc)
	if err != nil {
		return v, err
	}
	top, ok := v.(ast.Object)
	if !ok {
		return nil, errors.New("encode input document: not an object")
	}
	if doc.Listing == nil {
		return withItems(top, rules), nil
	}
	var listing ast.Object
	if t := top.Get(keyListing); t != nil {
		listing, _ = t.Value.(ast.Object)
	}
	if listing == nil {
		return nil, errors.New("encode input document: no listing object")
	}
	// Objects are rebuilt bottom-up, not inserted into: an object's hash
	// is fixed when it goes into its parent.
	lexicon := ast.Item(keyLexicon, lexiconFacts(doc.Listing.Fields, lw, skipped, tables))
	return withItems(top, ast.Item(keyListing, ast.NewTerm(withItems(listing, lexicon))), rules), nil
}

var (
	keyListing = policies.KeyTerm("listing")
	keyRules   = policies.KeyTerm("rules")
	keyLexicon = policies.KeyTerm("lexicon")
)

// withItems is a new object with obj's items, the given ones added or
// replacing obj's of the same key.
func withItems(obj ast.Object, items ...[2]*ast.Term) ast.Object {
	out := make([][2]*ast.Term, 0, obj.Len()+len(items))
	obj.Foreach(func(k, v *ast.Term) {
		for _, it := range items {
			if it[0].Equal(k) {
				return
			}
		}
		out = append(out, ast.Item(k, v))
	})
	return ast.NewObject(append(out, items...)...)
}

// evalInto evaluates pq and decodes its answer into out; into an
// *ast.Value, the answer is the AST as it is.
func evalInto(ctx context.Context, pq rego.PreparedEvalQuery, out any, opts ...rego.EvalOption) error {
	result := resultJSON
	if _, ok := out.(*ast.Value); ok {
		result = resultAST
	}
	rs, err := pq.Eval(ctx, append(opts, result)...)
	if err != nil {
		return err
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return errors.New("policy query is undefined (is data.xiaoer.main loaded?)")
	}
	if dst, ok := out.(*ast.Value); ok {
		t, ok := rs[0].Expressions[0].Value.(*ast.Term)
		if !ok {
			return fmt.Errorf("policy query result: %T, want an AST term", rs[0].Expressions[0].Value)
		}
		*dst = t.Value
		return nil
	}
	raw, ok := rs[0].Expressions[0].Value.(json.RawMessage)
	if !ok {
		return fmt.Errorf("policy query result: %T, want JSON text", rs[0].Expressions[0].Value)
	}
	if dst, ok := out.(*json.RawMessage); ok {
		// appendJSON wrote raw into a buffer of its own, valid JSON:
		// decoding it into raw text again would only check and copy it.
		*dst = raw
		return nil
	}
	return json.Unmarshal(raw, out)
}

// fillEvidence quotes the field text at each span where a rule left the
// evidence out (Rego cannot slice strings by byte offset), and keeps the
// sentence around it for reports.
func fillEvidence(doc *facts.Document, found []finding.Finding) {
	if doc.Listing == nil {
		return
	}
	for i := range found {
		f := &found[i]
		field := doc.Listing.Fields[f.Field]
		if f.Span.Start < 0 || f.Span.Start > f.Span.End || f.Span.End > len(field.Text) {
			continue
		}
		if f.Evidence == "" {
			f.Evidence = field.Text[f.Span.Start:f.Span.End]
		}
		f.Context = sentenceAround(field, f.Span)
	}
}
