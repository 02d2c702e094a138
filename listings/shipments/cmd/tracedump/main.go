// Command tracedump prints the events of Kuaidi100 or KDNiao tracking
// answers as xiaoer reads them: time in Asia/Shanghai, kind, status, text.
// It shows what the shipping rules will see for a given answer file.
//
//	go run ./listings/shipments/cmd/tracedump FILE...
package main

import (
	"fmt"
	"os"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

func main() {
	code := 0
	for _, path := range os.Args[1:] {
		traces, err := shipments.ReadTrackingFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 2
			continue
		}
		for _, t := range traces {
			fmt.Printf("%s  format=%s carrier=%s no=%s state=%s events=%d\n", path, t.Format, t.Carrier, t.TrackingNo, t.State, len(t.Events))
			for _, e := range t.Events {
				fmt.Printf("  %s  %-20s %-4s %s\n", e.Time.Format("2006-01-02T15:04:05-07:00"), e.Kind, e.Status, e.Text)
			}
		}
	}
	os.Exit(code)
}
