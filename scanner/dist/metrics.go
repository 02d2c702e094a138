package dist

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics describes the queue for Prometheus: tasks waiting, held by
// workers and handed out again, results stored, and jobs submitted through
// this process. The queue figures are read from JetStream at scrape time.
type Metrics struct {
	Queue *Queue
	jobs  atomic.Int64

	waiting, held, redelivered, results, jobsDesc *prometheus.Desc
}

// NewMetrics returns the collector for q.
func NewMetrics(q *Queue) *Metrics {
	d := func(name, help string) *prometheus.Desc { return prometheus.NewDesc(name, help, nil, nil) }
	return &Metrics{Queue: q,
		waiting:     d("xiaoer_job_tasks_waiting", "Tasks on the queue that no worker has taken yet."),
		held:        d("xiaoer_job_tasks_held", "Tasks taken by a worker and not yet acknowledged."),
		redelivered: d("xiaoer_job_tasks_redelivered", "Tasks held right now that were handed out more than once (a worker died or was too slow)."),
		results:     d("xiaoer_job_results_stored", "Task results kept in the results stream (all jobs)."),
		jobsDesc:    d("xiaoer_jobs_submitted_total", "Jobs submitted through this server's POST /v1/jobs."),
	}
}

func (m *Metrics) submitted() {
	if m != nil {
		m.jobs.Add(1)
	}
}

// Describe implements prometheus.Collector.
func (m *Metrics) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{m.waiting, m.held, m.redelivered, m.results, m.jobsDesc} {
		ch <- d
	}
}

// Collect implements prometheus.Collector. A queue that does not answer
// within a second leaves its figures out of this scrape.
func (m *Metrics) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(m.jobsDesc, prometheus.CounterValue, float64(m.jobs.Load()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if cons, err := m.Queue.JS.Consumer(ctx, tasksStream, workersName); err == nil {
		if info, err := cons.Info(ctx); err == nil {
			ch <- prometheus.MustNewConstMetric(m.waiting, prometheus.GaugeValue, float64(info.NumPending))
			ch <- prometheus.MustNewConstMetric(m.held, prometheus.GaugeValue, float64(info.NumAckPending))
			ch <- prometheus.MustNewConstMetric(m.redelivered, prometheus.GaugeValue, float64(info.NumRedelivered))
		}
	}
	if s, err := m.Queue.JS.Stream(ctx, resultsStream); err == nil {
		if info, err := s.Info(ctx); err == nil {
			ch <- prometheus.MustNewConstMetric(m.results, prometheus.GaugeValue, float64(info.State.Msgs))
		}
	}
}
