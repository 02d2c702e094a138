package listings

import (
	"reflect"
	"testing"
)

func TestIgnoreComments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []Ignore
	}{
		{"rule and reason", "<html>\n  <!-- xiaoer:ignore ad-absolute 国家级为证书原文 -->\n", []Ignore{
			{Rule: "ad-absolute", Reason: "国家级为证书原文", Position: Position{Line: 2, Column: 3}},
		}},
		{"no reason", "<p>标题</p><!--xiaoer:ignore material-fiber-->", []Ignore{
			{Rule: "material-fiber", Position: Position{Line: 1, Column: 10}},
		}},
		{"no rule", "<!-- xiaoer:ignore -->", []Ignore{{Position: Position{Line: 1, Column: 1}}}},
		{"several rules, multi-line reason", "a\nb\n中文<!-- xiaoer:ignore ad-absolute,ad-pressure 活动\n  页面原文 -->", []Ignore{
			{Rule: "ad-absolute", Reason: "活动 页面原文", Position: Position{Line: 3, Column: 3}},
			{Rule: "ad-pressure", Reason: "活动 页面原文", Position: Position{Line: 3, Column: 3}},
		}},
		{"two comments", "<!-- xiaoer:ignore a 一 -->\n\n<!-- xiaoer:ignore b 二 -->", []Ignore{
			{Rule: "a", Reason: "一", Position: Position{Line: 1, Column: 1}},
			{Rule: "b", Reason: "二", Position: Position{Line: 3, Column: 1}},
		}},
		{"marker outside a comment", "<p>xiaoer:ignore ad-absolute 不是注释</p>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := IgnoreComments(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("IgnoreComments = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
