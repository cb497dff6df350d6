// Common characters per script, for telling a right decoding from mojibake. A correct decoding of real
// Chinese text draws roughly half its characters from the few hundred most frequent ones; decoding Big5
// bytes as GBK (or the reverse) lands on essentially random, mostly rare code points.
// Simplified: the most frequent characters of modern Chinese (after Jun Da's corpus frequency list);
// traditional: the forms of those that differ, generated once with opencc-js (cn → tw) and pasted here.

const SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所' +
  '然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长' +
  '把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身' +
  '果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活' +
  '尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治' +
  '展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领' +
  '共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存' +
  '未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消' +
  '越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅' +
  '考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族' +
  '供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破' +
  '网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊' +
  '伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村';

const TRADITIONAL =
  '這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東' +
  '聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶' +
  '導爭運飛風乾聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯標談圖' +
  '歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉' +
  '職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢裏';

// The most frequent Hangul syllables of Korean running text.
const HANGUL =
  '이다는의에하고을가지로서한기리사자도어수들를시일대있것게정나해그인으내보부주아적전성상라되여면제무만연장소과국' +
  '우원경구거요에서니까동방우리없아요데년말세계회관위신문화생';

const CJK_COMMON: ReadonlySet<string> = new Set([...SIMPLIFIED, ...TRADITIONAL]);
const HANGUL_COMMON: ReadonlySet<string> = new Set([...HANGUL]);

/** Punctuation every CJK text uses: ideographic (U+3000–303F), fullwidth forms, curly quotes, ellipsis, middle dot. */
export function isCjkPunctuation(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0x2026 ||
    code === 0x00b7
  );
}

export function isCommonCjk(char: string): boolean {
  return CJK_COMMON.has(char);
}

export function isCommonHangul(char: string): boolean {
  return HANGUL_COMMON.has(char);
}

/** Hiragana and fullwidth katakana (halfwidth katakana is what GB bytes turn into under Shift_JIS). */
export function isKana(code: number): boolean {
  return code >= 0x3041 && code <= 0x30ff;
}
