// The text shapes boilerplate.ts recognises. Each pattern is matched against one whole block's text (whitespace
// collapsed), never against part of a sentence, and most only near the top of the body: a pattern that also
// matched article prose would cost recall, which is what an archive must not lose.
//
// Photo credits and captions ("图片来源：路透社", "摄影：", "Foto: SVT", "AFP - I-HWA CHENG") are content for an
// archive: no pattern here names 图/摄/photo/foto/image.

const MONTHS_EN = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAYS_EN = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';

/** Pieces a dateline is made of: dates, times, relative times, weekdays, reading time and the labels before them. */
const DATE_PIECES: readonly RegExp[] = [
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号號]/giu,
  /\d{1,2}\s*月\s*\d{1,2}\s*[日号號]/giu,
  /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/giu,
  /\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/giu,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS_EN})\\.?,?\\s+\\d{4}\\b`, 'giu'),
  new RegExp(`\\b(?:${MONTHS_EN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu'),
  new RegExp(`\\b(?:${WEEKDAYS_EN})\\b\\.?,?`, 'giu'),
  /(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]/gu,
  /[上下]午/gu,
  /\b\d{1,2}[:：.]\d{2}(?:[:：]\d{2})?(?:\s*[ap]\.?m\.?)?/giu,
  /\b(?:UTC|GMT|HKT|CST|EST|EDT|PST|PDT|BST|CET|CEST|JST|ET|PT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b/gu,
  /\d+\s*(?:分钟|分鐘|小时|小時|天|日|周|週)前/gu,
  /\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b/giu,
  /\b\d+\s*(?:min(?:ute)?s?)\s+read\b/giu,
  /(?:阅读|閱讀)(?:时间|時間)?\s*[:：]?\s*(?:约|約)?\s*\d+\s*(?:分钟|分鐘)/gu,
  /\b(?:today|yesterday|idag|igår|i går|kl)\b\.?/giu,
  /今天|昨天|前天|今日|昨日/gu,
  /(?:最后|最後|首次)?(?:发布|發布|發佈|更新|修改|刊登|出版)(?:时间|時間|日期|于|於)?/gu,
  /\b(?:first\s+)?(?:published|updated|last\s+updated|posted|modified|publicerad|uppdaterad)\b(?:\s+(?:on|at))?/giu,
];

/** What may remain between the pieces of a dateline: separators and brackets. */
const SEPARATORS = /^[\s|｜·•/／,，、:：;；\-–—()（）[\]【】]*$/u;

/** The block is only a dateline: dates, times and their labels, nothing else (a bare year is not one). */
export function isDateline(text: string): boolean {
  if (!/\d|今天|昨天|前天|today|yesterday|idag|igår/iu.test(text)) return false;
  let rest = text;
  for (const piece of DATE_PIECES) rest = rest.replace(piece, ' ');
  return rest !== text && SEPARATORS.test(rest) && !/^\s*\d{4}\s*$/u.test(text);
}

/**
 * A byline: a credit word and a name, nothing of the article. Chinese outlets write 文／记者／作者／编译 and the
 * like before the name (and 报道 or 发自… after it); English ones "By …". A name is short: at most
 * BYLINE_NAME_UNITS units after the credit word.
 */
const BYLINE_CN =
  /^(?:【|\[|\(|（)?\s*(?:文|文字|撰文|作者|撰稿|撰稿人|记者|記者|本报记者|本報記者|本台记者|本台記者|特约记者|特約記者|驻\S{1,4}记者|駐\S{1,4}記者|编辑|編輯|责编|責編|责任编辑|責任編輯|编译|編譯|翻译|翻譯|整理|采写|採寫|来源|來源|稿源)\s*[:：/／|｜\s]\s*/u;
const BYLINE_CN_TAIL = /\s*(?:报道|報道|報導|发自\S{1,8}|發自\S{1,8}|综合报道|綜合報導|\/\S{1,10})?\s*(?:】|\]|\)|）)?\s*$/u;
const BYLINE_EN = /^(?:[Ww]ritten\s+|[Ww]ords\s+|[Rr]eported\s+)?(?:By|BY|by)\s+(?=\p{Lu})/u;
const BYLINE_NAME_UNITS = 12;

/** Units as quality.ts counts them: a CJK character, or a run of other letters and digits. */
const UNIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;
export const units = (text: string): number => text.match(UNIT)?.length ?? 0;

/** The block is only a byline, possibly with a dateline around it ("By Jane Doe | 30 November 2025"). */
export function isByline(text: string): boolean {
  // Take the dates out first, then what is left must be one credit and a short name.
  let rest = text;
  for (const piece of DATE_PIECES) rest = rest.replace(piece, ' ');
  rest = rest.replace(/^[\s|｜·•,，:：\-–—]+|[\s|｜·•,，:：\-–—]+$/gu, '').replace(/\s*[|｜·•]\s*$/u, '');
  const cn = BYLINE_CN.exec(rest);
  if (cn !== null) {
    const name = rest.slice(cn[0].length).replace(BYLINE_CN_TAIL, '');
    // A list of names is joined by 、 or spaces; a comma or a full stop means a sentence ("记者日前获悉，…").
    return name.length > 0 && units(name) <= BYLINE_NAME_UNITS && !/[，。；！？!?;]/u.test(name);
  }
  const en = BYLINE_EN.exec(rest);
  if (en !== null) {
    const name = rest.slice(en[0].length);
    // Names are capitalised words joined by "and", commas and an outlet after a pipe or "in".
    return units(name) <= BYLINE_NAME_UNITS && !/[.!?。](?:\s|$)/u.test(name.replace(/\b\p{Lu}\./gu, ''));
  }
  return false;
}

/**
 * The editor's credit Chinese outlets put under the body ("(责编：汤诗瑶、丁涛)" on people.com.cn, "责任编辑：…"
 * on Xinhua and Sina): a byline whose credit word is an editor's, which no sentence of an article is.
 */
const EDITOR_CREDIT = /^(?:【|\[|\(|（)?\s*(?:责编|責編|责任编辑|責任編輯)\s*[:：]/u;
export const isEditorCredit = (text: string): boolean => EDITOR_CREDIT.test(text) && isByline(text);

/** Section and genre labels outlets put above the body ("分析", "Analysis", "国际"). */
const SECTION_LABEL =
  /^(?:分析|评论|評論|社评|社評|观点|觀點|专栏|專欄|独家|獨家|特写|特寫|快讯|快訊|突发|突發|直播|视频|視頻|影片|图辑|圖輯|专访|專訪|深度|国际|國際|中国|中國|两岸|兩岸|港澳|台湾|台灣|香港|财经|財經|经济|經濟|科技|体育|體育|文化|娱乐|娛樂|社会|社會|政治|军事|軍事|亚洲|亞洲|美洲|欧洲|歐洲|世界|新闻|新聞|analysis|opinion|comment|commentary|exclusive|breaking(?: news)?|explainer|live|video|interview|feature|review|world|business|politics|asia|china|news)$/iu;

export const isSectionLabel = (text: string): boolean => SECTION_LABEL.test(text);

/** Labels that introduce links to other articles ("相关报道：", "Read more:"); the label alone or before links. */
const TEASER_LABEL =
  /^[【[(（]?\s*(?:相关|相關|延伸|推荐|推薦|更多|热门|熱門|热点|熱點|精选|精選|猜你喜欢|猜你喜歡|你可能(?:还|還)?(?:会|會)?(?:感兴趣|感興趣|喜欢|喜歡)|read more|read also|also read|read next|related(?: articles?| stories| coverage| content| news| links?| reading)?|see also|more on this(?: story| topic)?|more from [\p{L} ]{1,20}|recommended(?: reading| stories| for you)?|you (?:may|might) also like|further reading|top stories|most read|watch|listen)(?:(?:报道|報道|報導|新闻|新聞|阅读|閱讀|文章|链接|連結|鏈接|内容|內容|推荐|推薦|专题|專題)(?:阅读|閱讀)?)?\s*[】\])）]?\s*[:：>»›|｜]?\s*/iu;

/** The label with what follows it, or null when the text does not start with a teaser label. */
export function teaserLabel(text: string): { label: string; rest: string } | null {
  const m = TEASER_LABEL.exec(text);
  if (m === null) return null;
  const rest = text.slice(m[0].length);
  // "更多" or "Watch" starting a real sentence is no label: require a colon-like mark or nothing after it.
  const marked = /[:：>»›|｜】\])）]\s*$/u.test(m[0]) || rest.trim() === '';
  return marked ? { label: m[0].trim(), rest } : null;
}

/** Calls to subscribe, download, follow or donate. Only a short block that also carries a link is removed. */
export const PROMOTION =
  /订阅|訂閱|subscribe|sign up|newsletter|电子报|電子報|下载|下載|download|(?:\bour|\bthe)\s+app\b|app store|google play|关注我们|關注我們|关注本|關注本|follow us|扫码|掃碼|扫描二维码|掃描二維碼|二维码|二維碼|telegram|whatsapp|instagram|facebook|youtube|line\s*官方|加入我们|加入我們|点击(?:这里|此处|下方|进入)|點擊(?:這裡|此處|下方|進入)|click here|support (?:our|independent) journalism|支持我们|支持我們|捐款|donate|免费试读|免費試讀|限时优惠|限時優惠/iu;
export const PROMOTION_MAX_UNITS = 60;

/** What a player or an embed shows when it cannot run; a page saved without scripts always shows it. */
export const MEDIA_FALLBACK =
  /^(?:(?:您|你)的)?(?:浏览器|瀏覽器|器材|设备|設備|装置|裝置|播放器)(?:目前|暂|暫)?(?:不支持|不支援|无法|無法|未能)|^(?:your|this) (?:browser|device|player) (?:does not|doesn't|cannot|can't|is unable to) (?:support|play|display)|^(?:sorry, )?(?:this|the) (?:video|media|content|embed) (?:is (?:not|no longer) available|cannot be (?:played|displayed)|can't be (?:played|displayed)|requires)|^(?:please )?(?:enable|turn on|activate) javascript|^javascript (?:is (?:disabled|off|turned off|required)|must be (?:enabled|on))|^javascript är avstängt|^(?:请|請)(?:启用|啟用|开启|開啟)\s*javascript|^(?:视频|視頻|影片)(?:加载|載入|加載)(?:中|失败|失敗)/iu;
export const MEDIA_FALLBACK_MAX_UNITS = 40;
