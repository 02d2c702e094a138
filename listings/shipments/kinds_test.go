package shipments

import "testing"

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status, text, want string
	}{
		{"", "【浙江省金华市义乌公司】 已揽收 取件人: 周师傅", KindPickup},
		{"", "浙江省杭州市滨江公司 取件人: 张某 已收件", KindPickup},
		{"", "【义乌公司】 商家已下单，等待快递员揽收", KindCreated},
		{"", "【合肥转运中心】 已收入", KindTransit},
		{"", "【合肥转运中心】 已发出 下一站 【合肥包河营业部】", KindTransit},
		{"", "【合肥包河营业部】 派件中 派件人: 刘师傅", KindOutDelivery},
		{"", "快件已由包河花园菜鸟驿站代收，请及时取件", KindCollection},
		{"", "已签收，签收人凭取货码签收。派件员：刘师傅", KindDelivered},
		{"", "收件人拒收，快件已退回", KindReturned},
		{"", "【昆明转运中心】 快件异常：地址不详", KindException},
		{"签收", "快件已由驿站代收", KindDelivered}, // the answer's status wins over the text
		{"在途", "【杭州转运中心】 派件中", KindTransit},
		{"unknown", "【杭州营业部】 派件中", KindOutDelivery}, // unknown status: read the text
	}
	for _, tt := range tests {
		if got := Classify(tt.status, tt.text); got != tt.want {
			t.Errorf("Classify(%q, %q) = %s, want %s", tt.status, tt.text, got, tt.want)
		}
	}
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"2026-11-18 09:12:40", "2026-11-18T09:12:40+08:00"},
		{"2026/11/18 09:12", "2026-11-18T09:12:00+08:00"},
		{"2026-11-18T01:12:40Z", "2026-11-18T09:12:40+08:00"},
		{"1794970800", "2026-11-18T11:00:00+08:00"},
		{"1794970800000", "2026-11-18T11:00:00+08:00"},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", tt.in, err)
			continue
		}
		if s := rfc3339(got); s != tt.want {
			t.Errorf("ParseTime(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
	if _, err := ParseTime("18/11/2026 9am"); err == nil {
		t.Error("ParseTime accepted an unknown layout")
	}
}
