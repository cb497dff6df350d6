// Short realistic articles in both scripts for the search tests. Dates are UTC epoch ms.
import type { SearchDocument } from '../types.ts';

const d = (iso: string): number => Date.parse(iso);

export const ARTICLES: SearchDocument[] = [
  { id: 1, source: 'voa', status: 'live', published: d('2023-03-01T02:00:00Z'), title: '习近平会见美国国务卿', text: '中国国家主席习近平周一在北京会见了到访的美国国务卿，双方就台湾问题交换了意见。' },
  { id: 2, source: 'rfa', status: 'live', published: d('2023-03-02T03:00:00Z'), title: '習近平出席全國人大開幕式', text: '中國國家主席習近平出席了第十四屆全國人大一次會議開幕式，會議審議政府工作報告。' },
  { id: 3, source: 'bbc', status: 'live', published: d('2023-03-05T04:00:00Z'), title: '臺灣總統發表談話', text: '臺灣總統今日發表談話，呼籲兩岸以和平方式解決分歧。台灣民眾對此反應不一。' },
  { id: 4, source: 'dw', status: 'live', published: d('2023-03-06T05:00:00Z'), title: '台湾海峡局势紧张', text: '近日台湾海峡局势紧张，多国呼吁克制。分析人士认为，台海和平符合各方利益。' },
  { id: 5, source: 'rfi', status: 'live', published: d('2023-03-08T06:00:00Z'), title: '香港国安法实施后的新闻自由', text: '香港国安法实施以来，多家媒体停刊，记者表示新闻自由受到严重影响。' },
  { id: 6, source: 'voa', status: 'removed', published: d('2023-03-10T07:00:00Z'), title: '香港民主派人士被捕', text: '香港警方周三逮捕了多名民主派人士，指控他们违反国安法。此文已被删除。' },
  { id: 7, source: 'nyt', status: 'live', published: d('2023-03-12T08:00:00Z'), title: 'COVID-19疫苗在中国的接种情况', text: '中国卫生部门表示，COVID-19疫苗接种率已经超过九成，但老年人接种率仍然偏低。' },
  { id: 8, source: 'bbc', status: 'live', published: d('2023-03-15T09:00:00Z'), title: '苹果发布新款iPhone', text: '苹果公司发布了新款iPhone手机，售价较上一代上涨。分析师认为中国市场需求疲软。' },
  { id: 9, source: 'voa', status: 'live', published: d('2023-03-20T10:00:00Z'), title: '經濟學家談中國經濟前景', text: '多位經濟學家認為，中國經濟今年面臨房地產市場低迷與出口下滑的雙重壓力。' },
  { id: 10, source: 'rfi', status: 'live', published: d('2023-03-25T11:00:00Z'), title: '乌克兰战争进入第二年', text: '俄罗斯入侵乌克兰的战争进入第二年，中国提出的和平方案遭到西方质疑。' },
  { id: 11, source: 'dw', status: 'live', published: d('2023-03-31T15:30:00Z'), title: '德国外长访问北京', text: '德国外长抵达北京，与中国外长就贸易与人权问题举行会谈。' },
  { id: 12, source: 'cdt', status: 'removed', published: d('2023-04-02T01:00:00Z'), title: '网络审查又删除了一批文章', text: '中国数字时代记录到，微信上又有一批关于疫情的文章被删除，其中包括多篇记者调查报道。' },
  { id: 13, source: 'voa', status: 'live', published: d('2023-04-05T02:00:00Z'), title: '美国国会听证会讨论TikTok', text: '美国国会就TikTok的数据安全问题举行听证会，议员质疑其与中国政府的关系。' },
  { id: 14, source: 'rfa', status: 'live', published: d('2023-04-10T03:00:00Z'), title: '新疆人權問題引關注', text: '聯合國人權機構發表報告，指新疆存在嚴重的人權問題，北京予以否認。' },
  { id: 15, source: 'bbc', status: 'live', published: d('2023-04-15T04:00:00Z'), title: 'Script test <script>alert(1)</script>', text: '这篇文章的正文包含 <script>alert("xss")</script> 以及 & 符号，用于测试台湾的转义。' },
  { id: 16, source: 'nyt', status: 'live', published: d('2023-04-20T05:00:00Z'), title: 'Café owners in Hong Kong', text: 'Café owners in Hong Kong say business has not recovered. 香港咖啡店老板表示生意尚未恢复。' },
  { id: 17, source: 'dw', status: 'live', published: d('2023-02-28T16:30:00Z'), title: '二月最后一天的新闻', text: '这是北京时间三月一日零点三十分发布的新闻，讨论了香港的房价。' },
  { id: 18, source: 'ft', status: 'live', published: d('2023-02-28T15:30:00Z'), title: '二月底市场回顾', text: '北京时间二月二十八日晚间，港股收盘上涨，香港恒生指数表现强劲。' },
  { id: 19, source: 'voa', status: 'live', published: d('2023-05-01T00:00:00Z'), title: '香港香港香港：一个城市的三种面貌', text: '香港是一座国际都市。香港的金融业发达，香港的房价全球最高，香港人的生活节奏很快。' },
  { id: 20, source: 'rfi', status: 'live', published: d('2023-05-02T00:00:00Z'), title: '世界新闻摘要', text: '今日要闻：欧洲议会通过新法案；日本央行维持利率不变；香港特区政府公布预算。' },
  { id: 21, source: 'bbc', status: 'live', published: d('2023-05-03T00:00:00Z'), title: 'AI芯片出口管制', text: '美国扩大对中国的AI芯片出口管制，英伟达表示将遵守规定。He said the rules are strict.' },
  { id: 22, source: 'voa', status: 'live', published: d('2023-05-04T00:00:00Z'), title: '2023年3月1日的回顾', text: '回顾2023年3月1日发生的事件，习近平当天没有公开露面。' },
  { id: 23, source: 'rfa', status: 'live', published: d('2023-05-05T00:00:00Z'), title: '習近平主席視察上海', text: '習近平主席周五視察上海，強調經濟發展與疫情防控並重。' },
  { id: 24, source: 'dw', status: 'live', published: d('2023-05-06T00:00:00Z'), title: '近平原地区的农业', text: '华北平原地区今年小麦丰收，农民收入有所提高。文章标题里的近平原与人名无关。' },
  { id: 25, source: 'voa', status: 'live', published: d('2023-05-07T00:00:00Z'), title: 'SQL注入测试 "; DROP TABLE search_docs; --', text: '这段文字包含 NEAR(香港 台湾) AND OR NOT * ^ : ( ) 等特殊符号，用于测试全文检索的转义。' },
  { id: 26, source: 'rfi', status: 'live', published: d('2023-05-08T00:00:00Z'), title: '乾隆皇帝的故事', text: '清朝乾隆皇帝在位六十年，是中国历史上在位时间最长的皇帝之一。' },
  { id: 27, source: 'nyt', status: 'live', published: d('2023-05-09T00:00:00Z'), title: '台風襲擊臺灣南部', text: '颱風襲擊臺灣南部，造成多處淹水，氣象部門發布警報。' },
  { id: 28, source: 'bbc', status: 'live', published: d('2023-05-10T00:00:00Z'), title: 'ＦＵＬＬ－ＷＩＤＴＨ 全角字符测试', text: '这篇文章使用全角字母ＩＰＨＯＮＥ和全角数字２０２３，测试折叠。' },
  { id: 29, source: 'voa', status: 'live', published: d('2023-05-11T00:00:00Z'), title: '香港与台湾的比较', text: '香港和台湾在新闻自由方面有很大的不同，台湾的新闻自由排名较高。' },
  { id: 30, source: 'dw', status: 'live', published: d('2023-05-12T00:00:00Z'), title: '北京冬奥会回顾', text: '北京冬奥会已经结束一年，场馆的利用问题引起讨论。' },
];
