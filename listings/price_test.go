package listings

import "testing"

func TestParsePrice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text     string
		min, max float64
		currency string
		ok       bool
	}{
		{"149.00 - 159.00", 149, 159, "CNY", true},
		{"¥129", 129, 129, "CNY", true},
		{"￥99.00-129.00", 99, 129, "CNY", true},
		{"5499.00-6799.00", 5499, 6799, "CNY", true},
		{"¥ 1,299.00起", 1299, 1299, "CNY", true},
		{"39.9 ~ 59.9", 39.9, 59.9, "CNY", true},
		{"¥99 至 ¥129", 99, 129, "CNY", true},
		{"$19.99", 19.99, 19.99, "USD", true},
		{"券后 169 优惠前 199", 169, 169, "CNY", true},
		{"200 - 100", 200, 200, "CNY", true},
		{"面议", 0, 0, "", false},
		{"", 0, 0, "", false},
	}
	for _, tt := range tests {
		p, ok := ParsePrice(tt.text)
		if ok != tt.ok || p.Min != tt.min || p.Max != tt.max || p.Currency != tt.currency {
			t.Errorf("ParsePrice(%q) = %+v, %v; want %v-%v %s, %v", tt.text, p, ok, tt.min, tt.max, tt.currency, tt.ok)
		}
	}
}

func TestSplitAttribute(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text        string
		name, value string
		ok          bool
	}{
		{"品牌:\u00a0KBDfans", "品牌", "KBDfans", true},
		{"材质成分：棉95%", "材质成分", "棉95%", true},
		{" 产品名称：Apple/苹果 iPhone 11 ", "产品名称", "Apple/苹果 iPhone 11", true},
		{"上架时间: 2024-06-01 10:30", "上架时间", "2024-06-01 10:30", true},
		{"颜色分类:", "颜色分类", "", true},
		{"没有冒号", "", "", false},
		{"：值", "", "", false},
		{"这是一句很长很长的话而且里面有一个冒号但它肯定不是属性名称对吧：是的", "", "", false},
	}
	for _, tt := range tests {
		a, ok := SplitAttribute(tt.text)
		if ok != tt.ok || a.Name != tt.name || a.Value != tt.value {
			t.Errorf("SplitAttribute(%q) = %+v, %v; want %q %q %v", tt.text, a, ok, tt.name, tt.value, tt.ok)
		}
	}
}
