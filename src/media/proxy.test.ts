import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteImagesProxy } from './proxy.ts';

const WESERV = 'https://images.weserv.nl/?url={url}';

const cases: { name: string; html: string; template?: string; want: string }[] = [
  {
    name: 'img src through weserv, URL-encoded',
    html: '<p>文</p><img alt="a" src="https://ichef.bbci.co.uk/news/976/a.jpg?x=1&amp;y=2" width=1>',
    want: '<p>文</p><img alt="a" src="https://images.weserv.nl/?url=https%3A%2F%2Fichef.bbci.co.uk%2Fnews%2F976%2Fa.jpg%3Fx%3D1%26y%3D2" width=1>',
  },
  {
    name: '{rawurl} keeps the URL as is; single quotes stay single',
    html: "<IMG SRC='http://a.example/b.png?q=1&amp;r=2'>",
    template: 'https://proxy.example/{rawurl}',
    want: "<IMG SRC='https://proxy.example/http://a.example/b.png?q=1&amp;r=2'>",
  },
  {
    name: 'unquoted src gets quotes',
    html: '<img src=https://a.example/c.gif>',
    want: '<img src="https://images.weserv.nl/?url=https%3A%2F%2Fa.example%2Fc.gif">',
  },
  {
    name: 'srcset URLs each rewritten, descriptors and spacing kept',
    html: '<img src="/rel.jpg" srcset="https://a.example/1.jpg 320w,  https://a.example/2.jpg 640w, data:x 1x">',
    template: 'https://p.example/i?u={url}',
    want: '<img src="/rel.jpg" srcset="https://p.example/i?u=https%3A%2F%2Fa.example%2F1.jpg 320w,  https://p.example/i?u=https%3A%2F%2Fa.example%2F2.jpg 640w, data:x 1x">',
  },
  {
    name: 'already proxied, relative and data: URLs left alone',
    html: '<img src="https://images.weserv.nl/?url=https%3A%2F%2Fa.example%2Fx.jpg"><img src="/x.jpg"><img src="data:image/gif;base64,R0l">',
    want: '<img src="https://images.weserv.nl/?url=https%3A%2F%2Fa.example%2Fx.jpg"><img src="/x.jpg"><img src="data:image/gif;base64,R0l">',
  },
  {
    name: 'picture sources rewritten, video sources and links not',
    html: '<picture><source srcset="https://a.example/x.webp"><img src="https://a.example/x.jpg"></picture><video><source src="https://a.example/v.mp4"></video><a href="https://a.example/x.jpg">x</a>',
    template: 'https://p.example/{rawurl}',
    want: '<picture><source srcset="https://p.example/https://a.example/x.webp"><img src="https://p.example/https://a.example/x.jpg"></picture><video><source src="https://a.example/v.mp4"></video><a href="https://a.example/x.jpg">x</a>',
  },
  {
    name: 'scripts, comments and text that look like tags are not touched',
    html: '<!-- <img src="https://a.example/c.jpg"> --><script>var s = \'<img src="https://a.example/s.jpg">\';</script><p>&lt;img src="https://a.example/t.jpg"&gt;</p>',
    want: '<!-- <img src="https://a.example/c.jpg"> --><script>var s = \'<img src="https://a.example/s.jpg">\';</script><p>&lt;img src="https://a.example/t.jpg"&gt;</p>',
  },
];
for (const c of cases) test(c.name, () => assert.equal(rewriteImagesProxy(c.html, c.template ?? WESERV), c.want));

test('a template without a placeholder is a mistake', () => {
  assert.throws(() => rewriteImagesProxy('<img src="https://a.example/x.jpg">', 'https://p.example/'), /^Error: media: proxy template "https:\/\/p\.example\/" has neither \{url\} nor \{rawurl\}$/);
});
