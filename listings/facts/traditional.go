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
		"豐丰順顺買买賣卖贈赠換换退退款款貼贴郵邮遞递運运輸输遠远邊边達达過过還还進进" +
		// Round nine (issue 12): the characters of the advertising lexicons
		// (最強, 巔峰, 無敵, 萬能, 祖傳, 穩賺, 驅邪, 醫學級 ...), traditional-only forms.
		"強强巔巅終终敵敌萬万傳传靈灵穩稳賺赚資资報报錢钱財财驅驱護护衛卫機机團团試试題题績绩師师" +
		"學学購购沒没錯错點点擊击紅红禮礼滿满評评億亿擇择驗验測测傑杰偉伟華华麗丽驚惊險险虧亏損损" +
		"腫肿瘡疮癬癣謝谢陽阳陰阴氣气腸肠腦脑視视憶忆傷伤複复頭头膚肤臟脏顏颜軍军隊队黨党廳厅檢检" +
		"紀纪錄录創创勁劲贏赢讚赞揚扬貴贵誠诚確确鑽钻錶表話话語语寫写讀读課课請请歷历屆届處处給给" +
		"夠够麼么與与為为將将務务動动員员擁拥術术設设計计種种類类總总統统衝冲顯显輕轻鎮镇災灾禍祸" +
		"轉转緣缘舊旧斷断續续獲获榮荣譽誉獻献盤盘勢势綠绿藍蓝擺摆飾饰協协電电線线條条養养樂乐藝艺" +
		"齒齿齡龄癥症鐘钟積积禦御閱阅預预備备儲储遙遥參参壽寿憂忧慮虑鬱郁慾欲婦妇嬰婴孫孙兒儿親亲" +
		"戀恋奪夺顛颠壟垄數数據据顧顾陸陆臺台灣湾義义詳详細细範范圍围辦办製制牠它蘭兰屬属絡络貸贷" +
		"債债幣币鈔钞銀银鋼钢鐵铁銅铜鑄铸墜坠鏈链鐲镯環环紋纹塊块貓猫狀状燒烧燈灯爐炉潔洁淨净濾滤" +
		"顆颗劑剂糧粮飲饮飯饭餅饼餘余館馆鮮鲜雞鸡蝦虾蟲虫")

// traditionalKeys marks the keys of traditional in the Basic Multilingual
// Plane: normalising looks every character of every text up, most are no
// key, and a bit test is cheaper than the map.
var traditionalKeys = func() *RuneKeys {
	s := &RuneKeys{}
	for r := range traditional {
		s.Add(r)
	}
	return s
}()

// simplified is r's simplified form when traditional lists it, else r.
func simplified(r rune) rune {
	if traditionalKeys.MayHave(r) {
		if s, ok := traditional[r]; ok {
			return s
		}
	}
	return r
}

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
