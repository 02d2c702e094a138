package shipments

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Kuaidi100 answer lists events newest first; two events share a second
// (揽收 then 打包, listed in reverse).
const kuaidi100Sample = `{"message":"ok","nu":"yt 7300 1122 33401","com":"yuantong","state":"3","status":"200",
"data":[
 {"time":"2026-11-19 15:02:11","ftime":"2026-11-19 15:02:11","context":"已签收，签收人凭取货码签收"},
 {"time":"2026-11-19 08:40:00","ftime":"2026-11-19 08:40:00","context":"【上海市闵行区七宝公司】 派件中"},
 {"time":"2026-11-18 19:30:05","ftime":"2026-11-18 19:30:05","context":"【义乌公司】 已打包"},
 {"time":"2026-11-18 19:30:05","ftime":"2026-11-18 19:30:05","context":"【义乌公司】 已揽收"}
]}`

// A KDNiao answer, oldest first, with Action codes and the lower-case twin
// keys some SDKs add.
const kdniaoSample = `{"EBusinessID":"1300001","ShipperCode":"ZTO","LogisticCode":"73521800412267","Success":true,"State":3,
"Traces":[
 {"AcceptTime":"2026-11-19 12:00:00","AcceptStation":"【义乌公司】 已揽收","Action":"1"},
 {"AcceptTime":"2026-11-20 09:00:00","AcceptStation":"快件已放入南京鼓楼区丰巢柜","Action":211},
 {"AcceptTime":"2026-11-20 18:00:00","AcceptStation":"您的快件已取出","Action":"311"}
],
"traces":[
 {"acceptTime":"2026-11-19 12:00:00","acceptStation":"【义乌公司】 已揽收","action":"1"},
 {"acceptTime":"2026-11-20 09:00:00","acceptStation":"快件已放入南京鼓楼区丰巢柜","action":211},
 {"acceptTime":"2026-11-20 18:00:00","acceptStation":"您的快件已取出","action":"311"}
]}`

func kinds(tr *Trace) string {
	var k []string
	for _, e := range tr.Events {
		k = append(k, e.Kind)
	}
	return strings.Join(k, ",")
}

func TestParseKuaidi100(t *testing.T) {
	t.Parallel()
	tr, err := ParseTracking([]byte(kuaidi100Sample))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Format != FormatKuaidi100 || tr.TrackingNo != "YT7300112233401" || tr.Carrier != "yuantong" || tr.State != "3" {
		t.Errorf("trace = %+v", tr)
	}
	if got := kinds(tr); got != "pickup,transit,out_for_delivery,delivered" {
		t.Errorf("kinds = %s", got)
	}
	if tr.Events[0].Text != "【义乌公司】 已揽收" || rfc3339(tr.Events[0].Time) != "2026-11-18T19:30:05+08:00" {
		t.Errorf("first event = %+v", tr.Events[0])
	}
}

func TestParseKDNiao(t *testing.T) {
	t.Parallel()
	tr, err := ParseTracking([]byte(kdniaoSample))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Format != FormatKDNiao || tr.Carrier != "ZTO" || tr.State != "3" || len(tr.Events) != 3 {
		t.Fatalf("trace = %+v", tr)
	}
	// Action codes decide: 211 is a locker, 311 is signed for from it
	// (the text alone, 已取出, says neither).
	if got := kinds(tr); got != "pickup,ready_for_collection,delivered" {
		t.Errorf("kinds = %s", got)
	}
}

func TestParseKuaidi100Push(t *testing.T) {
	t.Parallel()
	push := `{"status":"polling","message":"","lastResult":` + kuaidi100Sample + `}`
	tr, err := ParseTracking([]byte(push))
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Events) != 4 || tr.TrackingNo != "YT7300112233401" {
		t.Errorf("trace = %+v", tr)
	}
}

func TestParseTrackingRejectsOtherJSON(t *testing.T) {
	t.Parallel()
	if _, err := ParseTracking([]byte(`{"order_id":"1"}`)); err != ErrNotTracking {
		t.Errorf("err = %v, want ErrNotTracking", err)
	}
}

func TestReadTrackingFileBatch(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "batch.json")
	if err := os.WriteFile(path, []byte("["+kuaidi100Sample+",\n"+kdniaoSample+"]"), 0o644); err != nil {
		t.Fatal(err)
	}
	traces, err := ReadTrackingFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(traces) != 2 || traces[0].Format != FormatKuaidi100 || traces[1].Format != FormatKDNiao {
		t.Errorf("traces = %d", len(traces))
	}
	if kind, _ := Sniff(path); kind != InputTracking {
		t.Errorf("sniff = %s, want tracking", kind)
	}
}
