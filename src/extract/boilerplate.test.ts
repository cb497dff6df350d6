import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { isByline, isDateline } from './boilerplate-patterns.ts';
import { removeBoilerplate } from './boilerplate.ts';
import type { BoilerplateRule } from './boilerplate.ts';
import { dropHoverCards } from './hover-cards.ts';

const BODY = '<p>正文第一段，记者从现场发回报道。</p><p>正文第二段，官员表示将继续调查。</p>';

const run = (html: string): { html: string; rules: BoilerplateRule[] } => {
  const div = new JSDOM(`<div>${html}</div>`).window.document.querySelector('div') as Element;
  const rules = removeBoilerplate(div).map((r) => r.rule);
  return { html: div.innerHTML, rules };
};

// [name, input, output, rules that fired]
type Case = [string, string, string, BoilerplateRule[]];

const cases: Record<string, Case[]> = {
  'datelines at the top of the body': [
    ['BBC video page: <p><time>', '<p><time datetime="2025-11-30">2025年11月30日</time></p><p>正文一</p>', '<p>正文一</p>', ['dateline']],
    ['a date and time', '<div>2023-09-26 14:05</div><p>正文</p>', '<p>正文</p>', ['dateline']],
    ['RFI style with a dash', '<p>26/09/2023 - 14:05</p><p>正文</p>', '<p>正文</p>', ['dateline']],
    ['English date', '<p>30 November 2025</p><p>Text</p>', '<p>Text</p>', ['dateline']],
    ['a label, a date and a zone (Reuters 中文)', '<p>2024年6月18日上午11:25 GMT+8</p><p>正文</p>', '<p>正文</p>', ['dateline']],
    ['发布/更新 labels', '<div>发布时间：2024-05-06 10:20 | 更新：2024-05-06 12:00</div><p>正文</p>', '<p>正文</p>', ['dateline']],
    ['"Updated … ET, March 5, 2024"', '<p>Updated 10:02 a.m. ET, March 5, 2024</p><p>Text</p>', '<p>Text</p>', ['dateline']],
    ['relative time and reading time', '<p>3 hours ago · 5 min read</p><p>Text</p>', '<p>Text</p>', ['dateline']],
    ['SVT: "Publicerad idag 06:56"', '<section><span>Publicerad</span> <time>idag 06:56</time></section><p>Text</p>', '<p>Text</p>', ['dateline']],
    ['a caption that is only a date, at the top, goes too', '<figure><img src="a.jpg"><figcaption>2025-11-30</figcaption></figure><p>正文</p>', '<figure><img src="a.jpg"></figure><p>正文</p>', ['dateline']],
  ],
  'bylines at the top of the body': [
    ['文／本报记者', `<p>文／本报记者 陈嘉明</p>${BODY}`, BODY, ['byline']],
    ['记者 … 报道', `<p>记者 王晓、李明 报道</p>${BODY}`, BODY, ['byline']],
    ['【编译／…】', `<p>【编译／林欣】</p>${BODY}`, BODY, ['byline']],
    ['By … and …', '<p>By Jane Doe and Wei Chen</p><p>Text one.</p><p>Text two.</p>', '<p>Text one.</p><p>Text two.</p>', ['byline']],
    ['By … | date', '<p>By Jane Doe, Reuters | March 5, 2024 10:02 AM</p><p>Text one.</p>', '<p>Text one.</p>', ['byline']],
    ['a byline and a dateline as two blocks', `<div>作者：张三</div><div>2024年5月6日</div>${BODY}`, BODY, ['byline', 'dateline']],
  ],
  'editor credits, anywhere in the body': [
    ['人民网: (责编：…、…) under the body', `${BODY}<div class="edit clearfix">(责编：汤诗瑶、丁涛)</div>`, BODY, ['byline']],
    ['full-width brackets, 责任编辑', `${BODY}<p>（责任编辑：王明）</p>`, BODY, ['byline']],
    ['Xinhua: 【纠错】 is a link, the credit its own block', `${BODY}<div>责任编辑： 刘阳</div>`, BODY, ['byline']],
  ],
  'section labels and breadcrumbs at the top of the body': [
    ['a linked section label', `<div><a href="/news/world">国际</a></div>${BODY}`, BODY, ['section-label']],
    ['a kicker word without a link', '<p>Analysis</p><p>Text one.</p><p>Text two.</p>', '<p>Text one.</p><p>Text two.</p>', ['section-label']],
    ['a skip link', `<p><a href="#content">跳至内容</a></p>${BODY}`, BODY, ['section-label']],
    ['a breadcrumb', `<div><a href="/">首页</a> &gt; <a href="/w">国际</a> &gt; <a href="/w/a">亚洲</a></div>${BODY}`, BODY, ['breadcrumb']],
  ],
  'teasers for other articles': [
    ['延伸阅读：<a>', `${BODY}<p>延伸阅读：<a href="/a/1">印度延长白米出口禁令</a></p><p>尾段。</p>`, `${BODY}<p>尾段。</p>`, ['teaser']],
    ['READ MORE: <a> (label in <strong>)', `${BODY}<p><strong>READ MORE:</strong> <a href="/a">China's factory activity contracts</a></p>`, BODY, ['teaser']],
    ['【相关报道】 with two links', `${BODY}<p>【相关报道】<a href="/1">甲事件</a> <a href="/2">乙事件</a></p>`, BODY, ['teaser']],
    [
      'a "相关报道" heading and its list',
      `${BODY}<h3>相关报道</h3><ul><li><a href="/1">越南遭遇咸水入侵</a></li><li><a href="/2">菲律宾下调关税</a></li></ul><p>尾段。</p>`,
      `${BODY}<p>尾段。</p>`,
      ['teaser', 'teaser', 'teaser'],
    ],
    ['"Related" then link paragraphs', `${BODY}<p>Related</p><p><a href="/1">Shipping rates climb</a></p><p><a href="/2">Exports beat forecasts</a></p>`, BODY, ['teaser', 'teaser', 'teaser']],
  ],
  'promotions': [
    ['a newsletter link', `${BODY}<p><a href="/newsletter">订阅示例日报电子报，每天早上把最新国际新闻送到您的邮箱。</a></p>`, BODY, ['promotion']],
    ['sign up … subscribe here', `${BODY}<div><p>Sign up for our China Briefing newsletter. <a href="/n">Subscribe here</a></p></div>`, BODY, ['promotion']],
    ['RFA: 订阅…立即订阅', `${BODY}<p>订阅自由亚洲电台中文电子报，每天获取最新报道。<a href="/s">立即订阅</a></p>`, BODY, ['promotion']],
    ['download the app', `${BODY}<p><a href="https://app.example.com">下载法广应用程序跟踪国际时事</a></p>`, BODY, ['promotion']],
    ['人民网: 点击进入“文艺星青年”>> above the body',
      `<p><a href="/GB/405419/index.html"><span><strong>点击进入“文艺星青年”</strong><strong>&gt;&gt;</strong></span></a></p>${BODY}`, BODY, ['promotion']],
  ],
  'media fallback text': [
    ['<iframe> fallback text', `${BODY}<iframe src="https://www.youtube.com/embed/x">您的浏览器不支持iframe，请升级浏览器。</iframe>`, `${BODY}<iframe src="https://www.youtube.com/embed/x"></iframe>`, ['media-fallback']],
    ['<video> fallback text, <source> kept', `${BODY}<video controls=""><source src="v.mp4">Your browser does not support the video tag.</video>`, `${BODY}<video controls=""><source src="v.mp4"></video>`, ['media-fallback']],
    ['a player message block', `${BODY}<div>你的器材不支持播放多媒体材料</div>`, BODY, ['media-fallback']],
    ['"JavaScript är avstängt" (SVT)', '<p>Text one.</p><p>Text two.</p><div><h1>Javascript är avstängt</h1></div>', '<p>Text one.</p><p>Text two.</p>', ['media-fallback']],
  ],
  'article text that stays': [
    ['a caption with its photo credit', `<figure><img src="a.jpg"><figcaption>农民在雨中抢收稻谷。（图片来源：路透社）</figcaption></figure>${BODY}`, `<figure><img src="a.jpg"><figcaption>农民在雨中抢收稻谷。（图片来源：路透社）</figcaption></figure>${BODY}`, []],
    ['a photo credit alone under a picture', `<figure><img src="a.jpg"><figcaption>Photo: Reuters</figcaption></figure>${BODY}`, `<figure><img src="a.jpg"><figcaption>Photo: Reuters</figcaption></figure>${BODY}`, []],
    ['a sentence that starts with a date', '<p>2025年11月30日，台湾宣布增加国防开支。</p>', '<p>2025年11月30日，台湾宣布增加国防开支。</p>', []],
    ['a date after the second paragraph', '<p>一</p><p>二</p><p>2025年11月30日</p>', '<p>一</p><p>二</p><p>2025年11月30日</p>', []],
    ['a year alone', '<p>2025</p><p>正文</p>', '<p>2025</p><p>正文</p>', []],
    ['a sentence that starts with "By"', '<p>By Monday, the rescuers had reached the village.</p>', '<p>By Monday, the rescuers had reached the village.</p>', []],
    ['a sentence about an editor', `${BODY}<p>责任编辑王明表示，报道将在下周刊出。</p>`, `${BODY}<p>责任编辑王明表示，报道将在下周刊出。</p>`, []],
    ['an editor credit followed by a sentence', `${BODY}<p>责编：王明，他说调查仍在进行。</p>`, `${BODY}<p>责编：王明，他说调查仍在进行。</p>`, []],
    ['a sentence that starts with 记者', '<p>记者日前从有关部门获悉，调查已经展开。</p>', '<p>记者日前从有关部门获悉，调查已经展开。</p>', []],
    ['"相关" starting a sentence', `${BODY}<p>相关人士表示，<a href="/r">报告</a>将在下月公布。</p>`, `${BODY}<p>相关人士表示，<a href="/r">报告</a>将在下月公布。</p>`, []],
    ['a linked sentence in the body', `${BODY}<p><a href="/doc">调查报告全文</a></p>`, `${BODY}<p><a href="/doc">调查报告全文</a></p>`, []],
    [
      'a long paragraph about subscriptions',
      `${BODY}<p>该平台表示，截至今年三月，付费订阅用户已经超过一千万，比去年同期增长百分之四十，其中大部分来自东南亚市场，公司计划明年在<a href="/in">印度</a>推出本地化服务。</p>`,
      `${BODY}<p>该平台表示，截至今年三月，付费订阅用户已经超过一千万，比去年同期增长百分之四十，其中大部分来自东南亚市场，公司计划明年在<a href="/in">印度</a>推出本地化服务。</p>`,
      [],
    ],
    ['a heading in the body', `${BODY}<h2>中国</h2><p>第三段。</p>`, `${BODY}<h2>中国</h2><p>第三段。</p>`, []],
  ],
};

for (const [group, rows] of Object.entries(cases)) {
  describe(group, () => {
    for (const [name, input, output, rules] of rows) {
      test(name, () => {
        const got = run(input);
        assert.equal(got.html, output);
        assert.deepEqual(got.rules, rules);
      });
    }
  });
}

describe('hover cards inlined into sentences', () => {
  const hover = (html: string): string => {
    const doc = new JSDOM(`<body>${html}</body>`).window.document;
    dropHoverCards(doc);
    return doc.body.innerHTML;
  };
  const rows: Array<[string, string, string]> = [
    [
      'a card inside the link that names a person',
      '<p>总理<a class="person-link has-tooltip" href="/t">李强<span class="tooltip-content"><span>李强</span><span>国务院总理</span><span>关注</span></span></a>表示</p>',
      '<p>总理<a class="person-link has-tooltip" href="/t">李强</a>表示</p>',
    ],
    [
      'a BEM tooltip with role="tooltip"',
      '<p>Minister <span class="c-tooltip has-tooltip">Wang<span class="c-tooltip__content" role="tooltip">Wang, minister since 2020. Follow</span></span> said</p>',
      '<p>Minister <span class="c-tooltip has-tooltip">Wang</span> said</p>',
    ],
    [
      'a CSS-only tooltip: the wrapper stays, its text goes',
      '<p>The <span class="tooltip">IMF<span class="tooltiptext">International Monetary Fund</span></span> said</p>',
      '<p>The <span class="tooltip">IMF</span> said</p>',
    ],
    ['a hidden span', '<p>Text<span style="display: none">hidden SEO words</span> more.</p>', '<p>Text more.</p>'],
    ['a [hidden] span', '<p>Text<span hidden="">card</span> more.</p>', '<p>Text more.</p>'],
    ['a hidden block is left to Readability', '<div style="display:none"><p>展开全文后的正文。</p></div>', '<div style="display:none"><p>展开全文后的正文。</p></div>'],
    ['a tooltip that is all of its block stays', '<p><span class="tooltip">Only text</span></p>', '<p><span class="tooltip">Only text</span></p>'],
  ];
  for (const [name, input, output] of rows) test(name, () => assert.equal(hover(input), output));
});

describe('the patterns on their own', () => {
  test('isDateline', () => {
    for (const yes of ['2025年11月30日', '11月30日 08:00', 'March 5, 2024', 'Mon 5 Mar 2024 10:02 GMT', '2小时前', 'Published 3 hours ago']) assert.ok(isDateline(yes), yes);
    for (const no of ['2025', '2025年11月30日，台湾宣布', 'March 5, 2024, was a cold day', '今天我们来谈谈', '']) assert.ok(!isDateline(no), no);
  });
  test('isByline', () => {
    for (const yes of ['By Jane Doe', '作者：张三', '文/李四', '本报记者 王五 报道', '记者 王晓 发自北京']) assert.ok(isByline(yes), yes);
    for (const no of ['By the time they arrived, it was over.', '记者会上，发言人表示', '摄影：张三', '图片来源：路透社', 'Photo: Reuters']) assert.ok(!isByline(no), no);
  });
});
