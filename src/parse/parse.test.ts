// Every real feed in testdata/ (see testdata/SOURCES.md): format, version, encoding, item count and one
// item exactly as the document sends it. Expected values were read off the files, not off this parser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseFeed } from './index.ts';
import type { FeedFormat, RawItem } from './types.ts';

const testdata = new URL('./testdata/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, testdata));

interface Case {
  file: string;
  format: FeedFormat;
  version: string;
  encoding: string;
  count: number;
  title: string | null;
  /** Index of the item checked, then the fields checked on it. */
  index: number;
  item: Partial<RawItem>;
  warning?: RegExp;
}

const CASES: Case[] = [
  {
    file: 'acnnewswire-2005-rss2-gb2312.xml', format: 'rss', version: '2.0', encoding: 'gb18030', count: 8,
    title: 'Asia Corporate Press via ACNNewswire.net', index: 0,
    item: {
      id: 'http://www.acnnewswire.net/Article.Asp?lang=_c&Art_ID=29698', idIsPermalink: true,
      link: 'http://www.acnnewswire.net/Article.Asp?lang=_c&Art_ID=29698',
      title: 'JCB 与中国银联（China UnionPay）完成ATM网关协议的签订；CUP持卡者得以第一次在日本享受使用ATM网络的权利',
      published: 'Tue, 27 Dec 2005 13:08:54+0900',
    },
  },
  {
    file: 'biorxiv-rss1.rdf', format: 'rdf', version: '1.0', encoding: 'utf-8', count: 30,
    title: 'bioRxiv Subject Collection: Plant Biology', index: 0,
    item: {
      id: 'http://biorxiv.org/cgi/content/short/743294v1?rss=1',
      link: 'http://biorxiv.org/cgi/content/short/743294v1?rss=1',
      title: 'Wheat inositol pyrophosphate kinase (TaVIH2-3B) interacts with Fasciclin-like arabinogalactan (FLA6) protein and alters the plant cell-wall composition',
      published: '2019-08-27',
    },
  },
  {
    file: 'cnblog-2004-rss092-gb2312.xml', format: 'rss', version: '0.92', encoding: 'gb18030', count: 16,
    title: 'CNBlog:Blog On Blog', index: 0,
    item: {
      id: null,
      link: 'http://www.cnblog.org/blog/archives/2004_08_29_cnblog_archive.html#109424958546889584',
      title: 'Picostation的PicoBlogger是 一个能让S', published: null,
    },
  },
  {
    file: 'coolloud-2005-rss1rdf-big5.xml', format: 'rdf', version: '1.0', encoding: 'big5', count: 20,
    title: '苦勞網', index: 0,
    item: {
      id: 'http://www.coolloud.org.tw/news/database/interface/detailstander.asp?ID=108725',
      link: 'http://www.coolloud.org.tw/news/database/interface/detailstander.asp?ID=108725',
      title: '1226檔下點交之後\n不見棺材不走人 進輪自救會長期抗戰', published: '2005-12-30T23:26:28+08:00',
      author: '苦勞報導', categories: ['關廠'],
    },
    // The description cut inside "&#2" (line 105).
    warning: /&#2/,
  },
  {
    file: 'dapenti-tugua-2015-01-05-rss2-utf8.xml', format: 'rss', version: '2.0', encoding: 'utf-8', count: 30,
    title: '【喷嚏图卦】喷嚏网(www.dapenti.com)-阅读、发现和分享：8小时外的健康生活！', index: 0,
    item: {
      id: null, link: 'http://www.dapenti.com/blog/more.asp?name=xilei&id=96266',
      title: '【喷嚏图卦20150104】你以为挑起生活的担子是勇气，其实去过自己真正想要的生活才更需要勇气',
      published: 'Sun, 04 Jan 2015 14:39:00 +0800', author: 'xilei',
    },
  },
  {
    file: 'daringfireball-jsonfeed1.json', format: 'json', version: 'https://jsonfeed.org/version/1', encoding: 'utf-8',
    count: 48, title: 'Daring Fireball', index: 0,
    item: {
      id: 'https://daringfireball.net/linked/2017/06/26/the-talk-show-195',
      link: 'https://daringfireball.net/linked/2017/06/26/the-talk-show-195',
      title: 'The Talk Show: ‘I Do Like Throwing a Baby’',
      published: '2017-06-27T00:54:17Z', updated: '2017-06-27T00:54:20Z', author: 'John Gruber',
    },
  },
  {
    file: 'fcutrecht-2021-broken-prolog.rss', format: 'rss', version: '2.0', encoding: 'utf-8', count: 20,
    title: 'www.fcutrecht.net voetbalnieuws', index: 0,
    item: {
      id: null, link: 'https://www.fcutrecht.net/nieuws/serdar-g-z-b-y-k-scheidsrechter-bij-fc-twente-fc-utrecht~8805',
      title: 'Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht', published: 'Mon, 06 Sep 2021 12:17:00 +0200',
    },
    warning: /broken prolog: unknown processing instruction <\?phpxml/,
  },
  {
    file: 'greatfire-2015-bbc.xml', format: 'atom', version: '1.0', encoding: 'utf-8', count: 66,
    title: 'bbcchinese.com | 新闻主页', index: 0,
    item: {
      id: 'tag:www.bbcchinese.com,2015-03-16:/zhongwen/simp/world/2015/03/150316_saddam_tomb_tikrit',
      link: 'https://dm44143bsn99b.cloudfront.net/zhongwen/simp/world/2015/03/150316_saddam_tomb_tikrit',
      title: '萨达姆之墓在反“伊斯兰国”战事中被毁', titleIsHtml: false,
      published: '2015-03-16T07:32:23+00:00', updated: '2015-03-16T08:06:45+00:00',
      // No <author> in the entry: inherited from the feed (RFC 4287 §4.2.1).
      author: 'BBC Chinese', categories: ['chinese_simplified', '国际'],
    },
  },
  {
    file: 'greatfire-2015-cdt.xml', format: 'rss', version: '2.0', encoding: 'utf-8', count: 15,
    title: '中国数字时代 » Level 2 Article', index: 0,
    item: {
      id: 'https://dhnq96zntgnq1.cloudfront.net/chinese/?p=385722', idIsPermalink: false,
      link: 'https://d7fjv2bxgldcl.cloudfront.net/chinese/2015/03/%e4%b8%ad%e5%9b%bd%e5%86%9b%e7%bd%91-%e5%be%90%e6%89%8d%e5%8e%9a%e5%9c%a8%e7%97%85%e6%a6%bb%e4%b8%8a%e7%bb%93%e6%9d%9f%e4%ba%86%e5%8f%af%e6%82%b2%e5%8f%af%e8%80%bb%e4%b8%80%e7%94%9f/',
      title: '中国军网  | 徐才厚在病榻上结束了可悲可耻的一生', published: 'Mon, 16 Mar 2015 04:34:49 +0000', author: 'dapigu',
    },
  },
  {
    file: 'greatfire-2015-dw.xml', format: 'rdf', version: '1.0', encoding: 'utf-8', count: 85,
    title: 'Deutsche Welle: DW-WORLD.DE', index: 0,
    item: {
      id: 'http://www.dw.de/格林沃尔德获德国新闻记者奖/a-18317568?maca=chi-rss-chi-all-1127-rdf',
      link: 'http://www.dw.de/格林沃尔德获德国新闻记者奖/a-18317568?maca=chi-rss-chi-all-1127-rdf',
      title: '格林沃尔德获德国新闻记者奖', published: '2015-03-15T16:44:00Z', categories: ['德国新闻'],
    },
  },
  {
    file: 'greatfire-2015-nyt.xml', format: 'rss', version: '2.0', encoding: 'utf-8', count: 22,
    title: '纽约时报中文网 国际纵览', index: 0,
    item: {
      id: 'https://d1dqx91p2uadmw.cloudfront.net/china/20150316/c16trash-lens/', idIsPermalink: true,
      link: 'https://d2nm3w2ltn97dw.cloudfront.net/tools/r.html?url=%2Fchina%2F20150316%2Fc16trash-lens%2F&langkey=zh-hans&from=RSS',
      title: '回收场一瞥：北京的碎片，在此重生', published: 'Mon, 16 Mar 2015 16:03:24 +0800', author: 'SIM CHI YIN',
    },
  },
  {
    file: 'greatfire-2015-paopao-rfa.xml', format: 'rss', version: '2.0', encoding: 'utf-8', count: 30, title: '泡泡', index: 0,
    item: {
      id: '391 at https://pp16.global.ssl.fastly.net', idIsPermalink: false,
      link: 'https://d24f0fbbs0l72b.cloudfront.net/article/391', base: 'https://d3t8jz6506hbdb.cloudfront.net/',
      title: '从中国到全球：“依附的自由”网站解封升级', published: 'Fri, 13 Mar 2015 16:34:42 +0000',
      enclosures: [{
        url: 'http://paopao2.global.ssl.fastly.net/sites/pao-pao.net/files/styles/base_adaptive/public/a.jpg?itok=WbWd3huK',
        type: 'image/jpeg', length: 28516,
      }],
    },
  },
  {
    file: 'kc0011-forum-2020-rss2-gb2312.xml', format: 'rss', version: '2.0', encoding: 'gb18030', count: 20,
    title: '投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文', index: 0,
    item: {
      id: null, link: 'http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1',
      title: '建国35周年纪念，华表，和平鸽', published: '2020/1/10 14:33:00', author: '大鱼儿',
    },
  },
  {
    file: 'rfi.xml', format: 'rss', version: '2.0', encoding: 'utf-8', count: 1, title: '法广', index: 0,
    item: {
      id: 'rfi-1679494503000', idIsPermalink: false,
      link: 'https://www.rfi.fr/cn/国际/20230322-习近平结束访俄，北京与莫斯科建立针对西方的-特殊-关系',
      // CDATA: the &quot; stays as sent here; normalize decodes it.
      title: '习近平结束访俄，北京与莫斯科建立针对西方的&quot;特殊&quot;关系', published: 'Wed, 22 Mar 2023 14:15:03 GMT',
      content: null,
    },
  },
  {
    file: 'ruanyifeng-2025-atom-utf8.xml', format: 'atom', version: '1.0', encoding: 'utf-8', count: 3,
    title: '阮一峰的网络日志', index: 0,
    item: {
      id: 'tag:www.ruanyifeng.com,2025:/blog//1.2511', link: 'http://www.ruanyifeng.com/blog/2025/11/weekly-issue-375.html',
      title: '科技爱好者周刊（第 375 期）：一扇门的 Bug', published: '2025-11-28T00:14:06Z', updated: '2025-12-01T03:04:54Z',
      author: '阮一峰', categories: ['Weekly'],
    },
    warning: /XML declaration is not at the start/,
  },
  {
    file: 'sinica-blog-2005-atom03-big5.xml', format: 'atom', version: '0.3', encoding: 'big5', count: 7,
    title: '「隨機部落格」之「線上演算法」', index: 0,
    item: {
      id: 'tag:blogger.com,1999:blog-7865778.post-110728736545344025',
      link: 'http://www.sinica.edu.tw/~hil/online/2005/02/blog-post.html',
      title: '新年快樂', titleIsHtml: true, published: '2005-02-02T03:45:25+08:00', updated: '2005-02-01T19:49:25Z',
      author: '隨機客',
    },
  },
  {
    file: 'v2ex-2025-atom-utf8.xml', format: 'atom', version: '1.0', encoding: 'utf-8', count: 50, title: 'V2EX', index: 0,
    item: {
      id: 'tag:www.v2ex.com,2025-12-01:/t/1176092', link: 'https://www.v2ex.com/t/1176092#reply0',
      title: '[生活] 因为智能家居吵架', published: '2025-12-01T03:52:42Z', updated: '2025-11-23T03:51:42Z', author: 'terito11122',
    },
  },
  {
    file: 'voa.xml', format: 'rss', version: '2.0', encoding: 'utf-8', count: 1, title: '美国之音', index: 0,
    item: {
      id: 'voa-1679431144000', idIsPermalink: false,
      link: 'https://www.voachinese.com/a/putin-xi-call-for-ukraine-peace-talks-as-putin-says-west-not-ready-20230321/7015247.html',
      title: '中俄元首呼吁重启乌克兰和谈,普京称西方没准备好；美回应：如俄撤军，战争今天就可结束',
      published: 'Tue, 21 Mar 2023 20:39:04 GMT', content: null,
    },
  },
];

describe('parseFeed on real feeds', () => {
  for (const c of CASES) {
    test(c.file, () => {
      const feed = parseFeed(read(c.file));
      assert.equal(feed.format, c.format);
      assert.equal(feed.version, c.version);
      assert.equal(feed.encoding, c.encoding);
      assert.equal(feed.items.length, c.count);
      assert.equal(feed.title, c.title);
      const item = feed.items[c.index];
      assert.ok(item !== undefined);
      for (const [field, expected] of Object.entries(c.item)) {
        assert.deepEqual(item[field as keyof RawItem], expected, `${c.file} item ${c.index} ${field}`);
      }
      if (c.warning !== undefined) {
        assert.ok(feed.warnings.some((w) => c.warning?.test(w)), `expected a warning ${c.warning}: ${feed.warnings.join(' | ')}`);
      } else {
        assert.deepEqual(feed.warnings, [], 'a clean document gives no warnings');
      }
    });
  }
});

describe('seed feeds keep summaries byte for byte', () => {
  for (const file of ['voa.xml', 'rfi.xml']) {
    test(file, () => {
      const text = read(file).toString('utf8');
      const start = text.indexOf('<description><![CDATA[', text.indexOf('<item>')) + '<description><![CDATA['.length;
      const expected = text.slice(start, text.indexOf(']]></description>', start));
      const [item] = parseFeed(read(file)).items;
      assert.equal(item?.summary, expected);
      assert.equal(item?.content, null);
    });
  }
});

describe('text constructs', () => {
  test('Atom 0.3 xhtml content loses its wrapping div, keeps its markup', () => {
    const [item] = parseFeed(read('sinica-blog-2005-atom03-big5.xml')).items;
    assert.ok(item?.content?.startsWith('學號\t學期成績\n<br>B90902123 \t99\n<br>'), item?.content?.slice(0, 60));
    assert.ok(!item?.content?.includes('<div'));
  });
  test('entity-escaped HTML becomes the HTML string', () => {
    const [item] = parseFeed(read('greatfire-2015-paopao-rfa.xml')).items;
    assert.ok(item?.summary?.startsWith('<p><strong>对抗中国网络封锁的“依附的自由”'), item?.summary?.slice(0, 40));
  });
  test('content:encoded is the content, description the summary', () => {
    const [item] = parseFeed(read('greatfire-2015-cdt.xml')).items;
    assert.ok(item?.content?.startsWith('<p>原标题：其人已盖棺 反腐步不停</p>'));
    assert.ok(item?.summary?.startsWith('原标题：其人已盖棺 反腐步不停\n作者：谢正平'));
  });
});
