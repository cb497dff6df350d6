// The reader's one stylesheet, served at /static/style.css (CSP style-src 'self': no inline styles).
// Kept in a module rather than a .css file so the compiled package needs no asset copying.
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --fg: #1d1d1f; --muted: #6b6b70; --bg: #fdfdfc; --line: #e3e3e0; --accent: #0b57d0;
  --mark: #fff1a8; --ins: #d7f5dd; --del: #fbdada; --badge: #b3261e;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --muted: #a0a0a6; --bg: #151517; --line: #333338; --accent: #8ab4f8;
    --mark: #5c4f00; --ins: #1e4626; --del: #5a1f1f; --badge: #f2b8b5; }
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
  "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; line-height: 1.7;
  color: var(--fg); background: var(--bg); }
body { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
a { color: var(--accent); }
header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem;
  border-bottom: 1px solid var(--line); padding-bottom: .5rem; margin-bottom: 1rem; }
header.site .name { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
header.site nav a { margin-right: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.35; margin: .5rem 0; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
form.search { display: grid; gap: .5rem; margin: 1rem 0 1.5rem; }
form.search .row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
form.search input[type=search] { flex: 1 1 16rem; font-size: 1.05rem; padding: .4rem .6rem; }
form.search label { color: var(--muted); font-size: .9rem; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line);
  border-radius: 4px; padding: .25rem .45rem; }
button { cursor: pointer; }
ol.articles, ul.articles { list-style: none; padding: 0; margin: 0; }
.articles li { padding: .55rem 0; border-bottom: 1px solid var(--line); }
.articles .meta, .meta { color: var(--muted); font-size: .85rem; }
.articles .title { font-size: 1.02rem; }
.snippet { margin: .2rem 0 0; font-size: .92rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
.badge { display: inline-block; font-size: .75rem; line-height: 1.4; padding: 0 .4em; border-radius: 3px;
  border: 1px solid var(--badge); color: var(--badge); margin-left: .35rem; vertical-align: .1em; }
.notice { border-left: 3px solid var(--badge); padding: .25rem .75rem; margin: 1rem 0; }
nav.pages { display: flex; justify-content: space-between; margin: 1.5rem 0; }
ul.sources { columns: 2 12rem; padding-left: 1.2rem; }
.content { font-size: 1.05rem; overflow-wrap: anywhere; }
.content img, .content video, .content iframe { max-width: 100%; height: auto; }
.content figure { margin: 1rem 0; }
.content figcaption { color: var(--muted); font-size: .9rem; }
.content blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
.content table { border-collapse: collapse; }
.content td, .content th { border: 1px solid var(--line); padding: .2rem .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
section.revisions details { border-top: 1px solid var(--line); padding: .4rem 0; }
section.revisions summary { cursor: pointer; }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95rem; background: transparent; }
.diff ins { background: var(--ins); text-decoration: none; }
.diff del { background: var(--del); }
footer.site { margin-top: 3rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
`;
