// The one stylesheet of the site (`style.css`) and the reader (`/static/style.css`; CSP style-src 'self':
// no inline styles anywhere). It lives in a TS module rather than a .css file so the compiled package
// (tsc emits only .ts) carries it without a copy step.
//
// Chinese typography: a font stack per script (简体 first, 繁體 under :lang(zh-Hant)), so a page uses the
// glyph forms its readers expect (Source Han / Noto CJK ship both); line height 1.8 for dense CJK text;
// text-align stays start (justify leaves gaps beside Latin words). Readable on a phone: one column, fluid
// images, tables and code scroll sideways instead of widening the page.
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --fg: #1d1d1f; --muted: #6b6b70; --bg: #fdfdfb; --line: #e3e3de; --link: #0b57b5;
  --warn-bg: #fff1ef; --warn: #9a1b0f; --ins: #dff5df; --del: #fde2e0; --mark: #fff1a8;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e6; --muted: #a0a0a6; --bg: #161617; --line: #2e2e31; --link: #8ab8ff;
    --warn-bg: #3a1c19; --warn: #ffb4a8; --ins: #1f3b22; --del: #47201d; --mark: #5c4f00; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 0 1rem 3rem; max-width: 46rem; background: var(--bg); color: var(--fg);
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "Noto Sans SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 1.0625rem; line-height: 1.8; overflow-wrap: break-word; word-break: normal; line-break: strict;
}
:lang(zh-Hant), :lang(zh-TW), :lang(zh-HK) {
  font-family: "PingFang TC", "Hiragino Sans CNS", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC",
    "Noto Sans TC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
a { color: var(--link); text-underline-offset: 0.2em; }
header.site { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; padding: 0.75rem 0;
  border-bottom: 1px solid var(--line); }
header.site .name { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
header.site nav { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; font-size: 0.95rem; }
h1 { font-size: 1.6rem; line-height: 1.4; margin: 1.25rem 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
.meta, .muted, footer.site { color: var(--muted); font-size: 0.9rem; }
.meta p { margin: 0.15rem 0; }
.url { overflow-wrap: anywhere; }
ul.articles, ol.articles { list-style: none; padding: 0; margin: 0; }
.articles li { padding: 0.45rem 0; border-bottom: 1px solid var(--line); }
ul.articles time, ul.articles .outlet { color: var(--muted); font-size: 0.85rem; margin-right: 0.5rem;
  font-variant-numeric: tabular-nums; white-space: nowrap; }
.articles .title { font-size: 1.02rem; }
.snippet { margin: 0.2rem 0 0; font-size: 0.92rem; }
mark { background: var(--mark); color: inherit; padding: 0 0.1em; }
.mark { display: inline-block; font-size: 0.75rem; line-height: 1.4; padding: 0 0.35rem; margin-left: 0.35rem;
  border-radius: 0.25rem; border: 1px solid currentColor; white-space: nowrap; }
.mark.removed { color: var(--warn); }
.mark.changed { color: var(--muted); }
.notice { border-left: 3px solid var(--warn); padding: 0.25rem 0.75rem; margin: 1rem 0; }
.notice.removed { background: var(--warn-bg); color: var(--warn); border-left: 0; padding: 0.6rem 0.9rem;
  border-radius: 0.4rem; }
nav.pages { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 1rem 0; }
form.search { display: grid; gap: 0.5rem; margin: 1rem 0 1.5rem; }
form.search .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
form.search input[type=search] { flex: 1 1 16rem; font-size: 1.05rem; padding: 0.4rem 0.6rem; }
form.search label { color: var(--muted); font-size: 0.9rem; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line);
  border-radius: 4px; padding: 0.25rem 0.45rem; }
button { cursor: pointer; }
.content { margin: 1.5rem 0; }
.content img, .content video, .content iframe { max-width: 100%; height: auto; }
.content figure { margin: 1rem 0; }
.content figcaption { color: var(--muted); font-size: 0.9rem; }
.content pre, .content table { display: block; overflow-x: auto; max-width: 100%; }
.content blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); color: var(--muted); }
section.history { border-top: 1px solid var(--line); margin-top: 2rem; }
section.history ol { padding-left: 1.5rem; }
.diff p { margin: 0.4rem 0; }
.revision ins { background: var(--ins); text-decoration: none; }
.revision del { background: var(--del); }
.diff .same { color: var(--muted); font-size: 0.85rem; }
details { margin: 0.75rem 0; }
summary { cursor: pointer; }
ul.days { columns: 7rem; padding: 0; list-style: none; }
footer.site { border-top: 1px solid var(--line); margin-top: 2.5rem; padding-top: 0.75rem; }
`;
