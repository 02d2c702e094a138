package dist

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

func TestJobsOverHTTP(t *testing.T) {
	addr := freeAddr(t)
	startNode(t, addr, t.TempDir())
	q := connect(t, "nats://"+addr, 1)
	startWorkers(t, q, 2, &echoJudge{}, 5*time.Second)
	srv := httptest.NewServer((&JobsHandler{Queue: q, Metrics: NewMetrics(q)}).Handler())
	defer srv.Close()

	body := `{"inputs": [{"source": "a.html", "content": "<h1>纯棉T恤</h1>"}, {"source": "b.yaml", "content": "title: x"}], "urls": ["https://item.taobao.com/item.htm?id=1"]}`
	res, err := http.Post(srv.URL+"/v1/jobs", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var st jobStatus
	json.NewDecoder(res.Body).Decode(&st)
	res.Body.Close()
	if res.StatusCode != http.StatusAccepted || st.Inputs != 3 || !st.Submitted || st.ID == "" {
		t.Fatalf("POST /v1/jobs: %d %+v", res.StatusCode, st)
	}

	res, err = http.Get(srv.URL + st.Results)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []int
	lines := bufio.NewScanner(res.Body)
	for lines.Scan() {
		var r scanner.Result
		if err := json.Unmarshal(lines.Bytes(), &r); err != nil {
			t.Fatalf("not a result line: %s", lines.Text())
		}
		inputs = append(inputs, r.Input)
	}
	res.Body.Close()
	checkOnce(t, inputs, 3)

	res, err = http.Get(srv.URL + "/v1/jobs/" + st.ID)
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(res.Body).Decode(&st)
	res.Body.Close()
	if !st.Complete || st.TasksDone != st.Tasks || st.Tasks != 2 { // the two files travel together
		t.Errorf("GET /v1/jobs/%s after its results: %+v", st.ID, st)
	}
}

func TestJobsOverHTTPRefuses(t *testing.T) {
	addr := freeAddr(t)
	startNode(t, addr, t.TempDir())
	q := connect(t, "nats://"+addr, 1)
	srv := httptest.NewServer((&JobsHandler{Queue: q, MaxBody: 1024}).Handler())
	defer srv.Close()
	for _, c := range []struct {
		body, code string
		status     int
	}{
		{`{"inputs": []}`, "no_listing", 422},
		{`{"inputs": [{"source": "a.html", "content": "` + strings.Repeat("x", 2000) + `"}]}`, "body_too_large", 413},
		{`{"input": []}`, "bad_json", 400},
		{`{"urls": ["https://a.cn/1"], "now": "yesterday"}`, "bad_parameter", 400},
	} {
		res, err := http.Post(srv.URL+"/v1/jobs", "application/json", strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		var e struct{ Error struct{ Code string } }
		json.NewDecoder(res.Body).Decode(&e)
		res.Body.Close()
		if res.StatusCode != c.status || e.Error.Code != c.code {
			t.Errorf("%.40s: %d %s, want %d %s", c.body, res.StatusCode, e.Error.Code, c.status, c.code)
		}
	}
	res, err := http.Get(srv.URL + "/v1/jobs/0123456789abcdef0123")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown job: %d, want 404", res.StatusCode)
	}
}
