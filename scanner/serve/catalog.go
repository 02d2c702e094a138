package serve

import (
	"net/http"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// rulesResponse wraps the catalogue so fields can be added later.
type rulesResponse struct {
	Rules []finding.RuleMeta `json:"rules"`
}

func (s *Server) handleRules(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, rulesResponse{Rules: s.checker.Rules()})
}

func (s *Server) handleRule(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	for _, m := range s.checker.Rules() {
		if m.ID == id {
			writeJSON(w, http.StatusOK, m)
			return
		}
	}
	writeError(w, newError(http.StatusNotFound, CodeNotFound, "no rule %q (GET /v1/rules lists them)", id))
}

func (s *Server) handleVersion(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.checker.Tool())
}

// status is the body of the probes.
type status struct {
	Status string `json:"status"`
}

// handleHealth: the process answers. The engine is built before the
// server listens, so a live server can always evaluate.
func handleHealth(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, status{Status: "ok"})
}

// handleReady: ready for traffic until shutdown starts, so a load
// balancer stops sending while in-flight requests finish.
func (s *Server) handleReady(w http.ResponseWriter, _ *http.Request) {
	if s.draining.Load() {
		writeError(w, newError(http.StatusServiceUnavailable, CodeShuttingDown, "shutting down"))
		return
	}
	writeJSON(w, http.StatusOK, status{Status: "ready"})
}
