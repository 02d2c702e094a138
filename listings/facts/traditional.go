package facts

// traditional maps traditional characters that appear in listing claims to
// their simplified forms. It is deliberately limited to the characters our
// lexicons and fact parsers care about; a full OpenCC table would add weight
// and ambiguity (one traditional form can map to several simplified ones).
var traditional = buildTraditional(
	"純纯頂顶級级絕绝對对極极優优質质獨独專专權权國国際际領领導导選选銷销費费" +
		"後后發发貨货無无壓压價价漲涨惡恶瘋疯搶抢僅仅限限幾几罰罚賠赔隻只貨货復复" +
		"刻刻單单網网羅罗羽羽絨绒鵝鹅鴨鸭麵面綿绵絲丝蠶蚕麻麻滌涤綸纶錦锦氨氨纖纤維维" +
		"棉棉毛毛羊羊含含量量充充標标準准證证書书獎奖認认證证療疗癒愈炎炎毒毒癌癌壓压" +
		"補补腎肾髮发減减肥肥菌菌殺杀滅灭敏敏臉脸皺皱藥药醫医鬆松緊紧體体內内" +
		"時时間间當当從从來来這这個个們们會会說说區区產产業业東东車车門门開开關关" +
		"問问見见現现長长風风飛飞馬马魚鱼鳥鸟龍龙廣广廠厂歲岁盡尽寶宝實实爭争愛爱" +
		"號号稱称牌牌號号碼码寬宽韓韩歐欧熱热濕湿溫温聲声應应聽听覽览讓让變变雙双" +
		"豐丰順顺買买賣卖贈赠換换退退款款貼贴郵邮遞递運运輸输遠远邊边達达過过還还進进")

func buildTraditional(pairs string) map[rune]rune {
	rs := []rune(pairs)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}
