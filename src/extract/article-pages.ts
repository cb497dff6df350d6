// The article pages in testdata/ with what a correct extraction must and must not contain.
// Shared by extract.test.ts (assertions) and quality.bench.ts (precision/recall with and without selectors).
import { readFileSync } from 'node:fs';
import type { SourceSelectors } from './types.ts';

const dir = new URL('./testdata/', import.meta.url);
export const readTestdata = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

export interface PageCase {
  /** testdata/<name>.html and <name>.expected.txt */
  name: string;
  url: string;
  /** Source id for the selector table, or null for Readability alone. */
  source: string | null;
  /** Selectors of a template the table no longer carries (a retired one), used instead of the table's. */
  selectors?: SourceSelectors;
  /** Text of the page that is not the article and must not come out. */
  boilerplate: string[];
  /** Image URLs the extracted HTML must show as a real src. */
  images: string[];
}

// The first seven are real pages (see testdata/SOURCES.md); the rest are built in the shape of the
// outlets' article templates, the last two in the shape of boilerplate the rules in boilerplate.ts remove.
export const PAGE_CASES: PageCase[] = [
  {
    name: '8world-2025-india-wedding',
    url: 'https://www.8world.com/world/india-wedding-snatch-chips-people-trample-2977571',
    source: null,
    boilerplate: ['8world Whatsapp', '8world Telegram', '热门', '新闻'],
    images: [],
  },
  {
    name: 'bbc-zhongwen-2012-121210_hongkong_politics',
    url: 'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
    source: 'bbc',
    boilerplate: ['转寄朋友', '打印文稿', '与内文相关的链接', '梁振英定下出席违建事件质询日期', '浏览协助', '豆瓣'],
    images: ['http://wscdn.bbc.co.uk/worldservice/assets/images/2012/12/06/121206102108_cn_cy_leung_304x171_ap.jpg'],
  },
  {
    name: 'bbc-zhongwen-2025-cwyv1yz8yrno-simp',
    url: 'https://www.bbc.com/zhongwen/articles/cwyv1yz8yrno/simp',
    source: 'bbc',
    boilerplate: ['跳过 Instagram 帖子', '结尾 Instagram 帖子', '告知: BBC 不对外来网站内容负责', '允许Instagram内容', '热读', '你的器材不支持播放多媒体材料'],
    images: ['https://ichef.bbci.co.uk/ace/ws/640/cpsprodpb/3072/live/b8833320-cd4c-11f0-8c06-f5d460985095.jpg.webp'],
  },
  {
    name: 'bbc-zhongwen-2025-cx2pyye2l9jo-trad-video',
    url: 'https://www.bbc.com/zhongwen/articles/cx2pyye2l9jo/trad',
    source: 'bbc',
    boilerplate: ['2025年11月30日', '你的器材不支持播放多媒體材料', '相關主題內容', '更多相關內容', '特朗普任內最高對台軍售不賣飛機賣坦克', '跳過此內容', '使用條款'],
    images: [],
  },
  {
    name: 'rfi-cn-2025-taiwan-t-dome',
    url: 'https://www.rfi.fr/cn/%E6%94%BF%E6%B2%BB/20251130-taiwan-t-dome',
    source: 'rfi',
    boilerplate: ['继续浏览后续', '头条新闻就在您的每日新闻信里', '下载法广应用程序跟踪国际时事', '分享 :', '广告', '浏览时间'],
    images: ['https://s.rfi.fr/media/display/064ecb9c-caf9-11f0-9b38-005056bfb2b6/w:1024/p:16x9/000-867R2EZ.jpg'],
  },
  {
    name: 'people-cn-2019-zhengbanqiao-orchid-dowry',
    url: 'http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html',
    source: null,
    boilerplate: ['点击进入“文艺星青年”', '责编', '【2】', '推荐阅读', '一家人乘车赴跨国婚礼', '热点推荐', '人民日报客户端下载', '人民网版权所有'],
    images: ['http://culture.people.com.cn/NMediaFile/2019/0614/MAIN201906141807000399797949197.jpg'],
  },
  {
    name: 'xinhua-2019-france-strike',
    url: 'http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm',
    source: null,
    boilerplate: ['责任编辑', '尹世杰', '【纠错】', '热帖', '坑熟客', '加载更多', '欧盟外长理事会会议', '新华社简介', '下一篇', '关注新华网'],
    images: [],
  },
  {
    name: 'cdt-2024-deleted-mine-report',
    url: 'https://chinadigitaltimes.net/chinese/712300.html',
    source: 'cdt',
    boilerplate: ['跳至内容', '相关文章', '致敬还在坚持的记者', '发表评论', '翻墙工具', '本站使用Cookie', '版权所有', 'Telegram', '上一篇'],
    images: ['https://chinadigitaltimes.net/chinese/files/2024/03/mine-road-1024x683.jpg'],
  },
  {
    name: 'dw-2024-german-investment-china',
    url: 'https://www.dw.com/zh/%E5%BE%B7%E5%9B%BD%E4%BC%81%E4%B8%9A%E5%AF%B9%E5%8D%8E%E6%8A%95%E8%B5%84%E5%88%9B%E6%96%B0%E9%AB%98/a-68512300',
    source: 'dw',
    boilerplate: ['德国之音使用Cookies', '相关阅读', '德中经贸关系', '广告', '相关内容', '更多德国之音报道', '数据保护', 'https://p.dw.com/p/4dT9x'],
    images: ['https://static.dw.com/image/68512300_906.jpg', 'https://www.dw.com/image/68512345_1004.jpg'],
  },
  {
    name: 'ft-cn-2024-ev-exports',
    url: 'https://www.ftchinese.com/story/001103512',
    source: 'ft',
    boilerplate: ['相关文章', '欧盟对华电动车反补贴调查内幕', '版权声明', '关税保护不了落后的产能', '热门文章', '同意并继续', '收藏', '关注'],
    images: ['https://thumbor.ftacademy.cn/unsafe/1200x675/picture/2/000212345_piclink.jpg'],
  },
  {
    name: 'nyt-cn-2024-youth-temples',
    url: 'https://cn.nytimes.com/china/20240320/china-youth-temples/',
    source: 'nyt',
    boilerplate: ['相关报道', '中国青年失业率创新高', '广告', '最受欢迎', '中英双语', '查看中英双语版', '我们使用Cookie', '订阅电子报'],
    images: [
      'https://static01.nyt.com/images/2024/03/20/multimedia/20china-temples-01/20china-temples-01-articleLarge.jpg',
      'https://static01.nyt.com/images/2024/03/20/multimedia/20china-temples-02/20china-temples-02-articleLarge.jpg',
    ],
  },
  {
    name: 'reuters-2024-pboc-rate-cut',
    url: 'https://www.reuters.com/markets/asia/pboc-rate-cut-2024-06-18/',
    source: 'reuters',
    boilerplate: ['Advertisement', 'Read Next', '中国股市周一收低', 'Trending', '我们使用Cookie', 'All rights reserved', 'LinkedIn'],
    images: ['https://www.reuters.com/resizer/v2/ABCDEFG.jpg?auth=0f1e2d3c&width=1080&quality=80'],
  },
  {
    name: 'rfa-2024-xinjiang-cotton',
    url: 'https://www.rfa.org/mandarin/yataibaodao/shaoshuminzu/cotton-03222024.html',
    // RFA's retired Plone template: the table no longer carries its selectors (the site moved to Arc XP).
    source: null,
    selectors: { keep: ['#headerimg', '#storytext'], drop: ['#storytext .share', '#storytext .related-content', '#storytext .newsletter-promo'] },
    boilerplate: ['分享到脸书', '订阅自由亚洲电台中文电子报', '相关报道', '网友评论', '支持追查到底', '热门新闻', '本网站使用cookie', '版权所有'],
    images: ['https://www.rfa.org/mandarin/yataibaodao/shaoshuminzu/cotton-03222024.html/cotton-field.jpg/@@images/image.jpeg'],
  },
  {
    name: 'voa-2024-transnational-repression',
    url: 'https://www.voachinese.com/a/us-congress-hearing-transnational-repression-20240312/7523344.html',
    source: 'voa',
    boilerplate: ['相关新闻', '纽约“中国警察站”两名男子被捕', '突发新闻', '热门新闻', '早该立法了', '本网站使用Cookies', '下载音频', '脸书', '广告'],
    images: [
      'https://gdb.voanews.com/01000000-0aff-0242-aef1-08dc4234a2b1_w1023_r1_s.jpg',
      'https://gdb.voanews.com/0a390000-0aff-0242-9f37-08db3f4a8c52_w1023_r1_s.jpg',
    ],
  },
  // Built pages that carry the boilerplate classes boilerplate.ts and hover-cards.ts remove (no selectors:
  // Readability's pick, then the rules). Their captions keep the photo credit: content for an archive.
  {
    name: 'built-zh-boilerplate-article',
    url: 'https://www.example-daily.com/news/world/asia/story20240506-1483001',
    source: null,
    boilerplate: ['首页', '文／本报记者 陈嘉明', '发布/2024年5月6日 10:20', '延伸阅读', '印度延长非巴斯马蒂白米出口禁令', '中共中央政治局常委', '您的浏览器不支持iframe', '订阅示例日报电子报', '相关报道', '菲律宾宣布大米进口关税再降一半', '分享到微信', '热门新闻', '版权所有'],
    images: [],
  },
  {
    name: 'built-en-boilerplate-article',
    url: 'https://www.example-news.com/business/2024/03/05/china-exporters-tariffs',
    source: null,
    boilerplate: ['By Jane Doe and Wei Chen', 'Updated 10:02 a.m. ET, March 5, 2024', 'READ MORE', "China's factory activity contracts", "China's minister of commerce since 2020", 'Your browser does not support the video tag', 'Sign up for our China Briefing newsletter', 'Subscribe here', 'Shipping rates climb as Red Sea attacks continue', 'Most read', 'All rights reserved'],
    images: [],
  },
];
