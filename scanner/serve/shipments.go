package serve

import (
	"context"
	"net/http"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// handleShipments judges orders, each with its tracking inline (events, or
// a carrier's answer under "tracking"), sent as JSON (an array,
// {"orders": [...]}, JSON Lines) or CSV. It answers the shipments report:
// findings per order, listing-level findings and compensation per shop.
func (s *Server) handleShipments(w http.ResponseWriter, r *http.Request) {
	_, raw, release, err := s.readRequest(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	defer release()
	ext, err := ordersExt(r, raw)
	if err != nil {
		writeError(w, err)
		return
	}
	path, cleanup, err := tempOrders(raw, ext)
	if err != nil {
		writeError(w, err)
		return
	}
	defer cleanup()
	rep, err := s.judgeShipments(r, path)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (s *Server) judgeShipments(r *http.Request, path string) (*scanner.ShipmentsReport, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
	defer cancel()
	rep, err := s.checker.Shipments(ctx, []string{path})
	if err != nil {
		return nil, err
	}
	for i := range rep.Files {
		fr := &rep.Files[i]
		fr.Source = "request" // not the server's temporary file
		if fr.Error != nil {  // the whole body could not be read: the caller's
			return nil, newError(http.StatusBadRequest, CodeBadOrders, "orders: %s", stripPath(*fr.Error, path))
		}
		for j, e := range fr.RowErrors {
			fr.RowErrors[j] = stripPath(e, path)
		}
	}
	return rep, nil
}

// ordersExt names the temporary file so the reader picks the right format.
func ordersExt(r *http.Request, raw []byte) (string, error) {
	mt, err := mediaType(r)
	if err != nil {
		return "", err
	}
	switch {
	case mt == "text/csv":
		return ".csv", nil
	case jsonlTypes[mt]:
		return ".json", nil // the JSON reader takes JSON Lines too
	case jsonTypes[mt]:
		if e := checkJSON(raw); e != nil {
			return "", e
		}
		return ".json", nil
	}
	return "", unsupported(mt, "orders as application/json, application/x-ndjson or text/csv")
}

// stripPath replaces the temporary file's name in a reader's message.
func stripPath(msg, path string) string { return strings.ReplaceAll(msg, path, "request") }
