package dist

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/fetch"
)

// Judge turns one task into its results. It never fails as a whole: an
// input that cannot be judged is an error result, as in a local scan.
type Judge interface {
	Judge(ctx context.Context, job *Job, t Task, data []byte) []scanner.Result
}

// ScanJudge judges tasks with the scanner a local scan uses: the same
// checker (engine, user policies and data), the job's rules, platform and
// clock, and the job's fetch settings for URLs.
type ScanJudge struct {
	Checker   *scanner.Checker
	UserAgent string

	mu   sync.Mutex
	kits map[string]*jobKit // by job id
}

// jobKit is what a job's tasks share on this worker.
type jobKit struct {
	scanner *scanner.Scanner
	fetcher *fetch.Fetcher
	exports *exportCache
	desc    bool // also fetch descriptions
	export  listings.ExportOptions
}

// Judge implements Judge.
func (j *ScanJudge) Judge(ctx context.Context, job *Job, t Task, data []byte) []scanner.Result {
	kit, err := j.kit(job)
	if err != nil {
		return failedResults(t, err.Error())
	}
	inputs, err := kit.inputs(t, data)
	if err != nil {
		return failedResults(t, err.Error())
	}
	var out []scanner.Result
	err = kit.scanner.Run(ctx, inputs, func(r scanner.Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return failedResults(t, fmt.Sprintf("scan stopped: %v", err))
	}
	return out
}

// kit builds (once per job) the scanner and fetcher the job's settings ask for.
func (j *ScanJudge) kit(job *Job) (*jobKit, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if k, ok := j.kits[job.ID]; ok {
		return k, nil
	}
	checker := j.Checker
	if job.Now != "" {
		t, err := time.Parse(time.RFC3339, job.Now)
		if err != nil {
			return nil, fmt.Errorf("job %s: now %q: %w", job.ID, job.Now, err)
		}
		t = t.In(facts.Shanghai)
		b := *checker.Builder
		b.Now = func() time.Time { return t }
		checker = &scanner.Checker{Engine: checker.Engine, Builder: &b}
	}
	k := &jobKit{
		scanner: &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: 1, Rules: job.Rules, Platform: job.Platform}},
		fetcher: fetch.New(fetch.Options{Timeout: job.Fetch.Timeout, Retries: job.Fetch.Retries, MaxBytes: job.Fetch.MaxBytes,
			RatePerHost: job.Fetch.RatePerHost, UserAgent: j.UserAgent, AllowPrivate: job.Fetch.AllowPrivate}),
		exports: &exportCache{},
		desc:    job.Fetch.Desc,
		export:  listings.ExportOptions{Columns: job.Columns},
	}
	if j.kits == nil || len(j.kits) > 64 { // jobs come and go; forget old ones
		j.kits = map[string]*jobKit{}
	}
	j.kits[job.ID] = k
	return k, nil
}

// inputs rebuilds the scanner inputs a task stands for, numbered as in the
// submitting scan.
func (k *jobKit) inputs(t Task, data []byte) ([]scanner.Input, error) {
	switch t.Kind {
	case KindFile:
		return []scanner.Input{{Index: t.Input, Source: t.Source, Read: func() ([]byte, error) { return data, nil }}}, nil
	case KindFiles:
		out := make([]scanner.Input, len(t.Files))
		for i, f := range t.Files {
			out[i] = scanner.Input{Index: t.Input + i, Source: f.Source, Read: func() ([]byte, error) { return f.Data, nil }}
		}
		return out, nil
	case KindTitles:
		return []scanner.Input{{Index: t.Input, Source: t.Source, Load: func(context.Context) ([]*listings.Listing, error) {
			return parseTitleChunk(t, data)
		}}}, nil
	case KindExport:
		return k.exportRows(t, data)
	case KindURL:
		in := scanner.ExpandSources(scanner.Sources{URLs: []string{string(data)}, Fetcher: k.fetcher, FetchDesc: k.desc})
		in[0].Index = t.Input
		return in, nil
	case KindFailed:
		return nil, fmt.Errorf("%s", data)
	}
	return nil, fmt.Errorf("task of unknown kind %q (a newer submitter?)", t.Kind)
}
