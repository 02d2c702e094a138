package facts

import (
	"fmt"
	"strings"
	"testing"
)

// describeClaims renders claims as "text=fibre/form[@part]".
func describeClaims(text string, claims []FiberClaim) string {
	var out []string
	for _, c := range claims {
		s := fmt.Sprintf("%s=%s/%s", text[c.S:c.E], c.Fiber, c.Form)
		if c.Part != "" {
			s += "@" + c.Part
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestFiberClaims(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text, want string }{
		{"纯棉", "夏季纯棉短袖T恤男", "纯棉=棉/纯"},
		{"全棉", "全棉四件套床上用品", "全棉=棉/全"},
		{"100%棉", "100%棉 圆领打底衫", "100%棉=棉/100%"},
		{"100%纯棉", "婴儿100%纯棉纱布口水巾", "100%纯棉=棉/100%"},
		{"棉100%", "精梳棉100% 宝宝连体衣", "精梳棉100%=棉/100%"},
		{"traditional", "純棉男士內褲", "純棉=棉/纯"},
		{"full-width percent", "１００％棉T恤", "１００％棉=棉/100%"},
		{"纯全棉", "棉柔巾纯全棉擦脸巾", "纯全棉=棉/纯"},
		{"纯羊毛", "纯羊毛衫男士圆领毛衣", "纯羊毛=羊毛/纯"},
		{"100%羊毛", "100%羊毛双面呢大衣", "100%羊毛=羊毛/100%"},
		{"纯羊绒", "纯羊绒围巾女", "纯羊绒=山羊绒/纯"},
		{"100%山羊绒", "鄂尔多斯产100%山羊绒衫", "100%山羊绒=山羊绒/100%"},
		{"真丝", "真丝连衣裙 重磅", "真丝=蚕丝/名称"},
		{"桑蚕丝", "桑蚕丝睡衣套装", "桑蚕丝=桑蚕丝/名称"},
		{"100%桑蚕丝", "100%桑蚕丝丝巾", "100%桑蚕丝=桑蚕丝/100%"},
		{"纯麻", "纯麻凉席", "纯麻=麻/纯"},
		{"纯亚麻", "纯亚麻衬衫男", "纯亚麻=亚麻/纯"},
		{"English", "100% cotton baby t-shirt", "100% cotton=棉/100%"},
		{"part after", "羽绒服 纯棉内里", "纯棉=棉/纯@里料"},
		{"part before", "里布全棉 不起球", "全棉=棉/全@里料"},
		{"two claims", "纯棉全棉四件套", "纯棉=棉/纯 全棉=棉/全"},
		{"quilt filling", "桑蚕丝被 100%桑蚕丝被芯", "桑蚕丝=桑蚕丝/名称@填充物 100%桑蚕丝=桑蚕丝/100%@填充物"},
		{"quilt cover is fabric", "纯棉被套单件", "纯棉=棉/纯"},
		{"棉麻 is a blend", "纯棉麻衬衫 棉麻连衣裙", ""},
		{"仿真丝", "仿真丝衬衫 垂感", ""},
		{"冰丝", "冰丝凉席三件套", ""},
		{"人造棉", "纯人造棉睡裙 100%人造棉", ""},
		{"羽绒棉", "羽绒棉服女 纯羽绒棉", ""},
		{"纯色", "纯色T恤 纯黑", ""},
		{"棉服", "男童棉服 加厚棉衣", ""},
		{"棉鞋", "老北京全棉鞋 棉鞋女", ""},
		{"天鹅绒", "纯天鹅绒连衣裙", ""},
		{"亚麻色", "纯亚麻色染发膏", ""},
		{"麻将", "纯麻将席", ""},
		{"not 100", "95%棉 T恤", ""},
		{"at least 100 is not written", "含棉量≥100%", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fields := map[string]Field{FieldTitle: {Text: tc.text}}
			got := FiberClaims(fields)
			if d := describeClaims(tc.text, got); d != tc.want {
				t.Errorf("got %q, want %q", d, tc.want)
			}
		})
	}
}

func TestFiberClaimsSkipStatements(t *testing.T) {
	t.Parallel()
	text := "纯棉T恤。面料：100%纯棉；里料：聚酯纤维100%"
	fields := map[string]Field{FieldDescription: {Text: text}}
	got := FiberClaims(fields)
	if d := describeClaims(text, got); d != "纯棉=棉/纯" {
		t.Errorf("claims %q, want only the first 纯棉 (the rest is a composition)", d)
	}
	if len(got) == 1 && (got[0].Before != "" || got[0].After != "t恤") {
		t.Errorf("context = %q / %q", got[0].Before, got[0].After)
	}
}
