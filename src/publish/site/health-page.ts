// The source-health page (health.html): for each source the feed it reads now (the primary or a fallback),
// whether it is stale or failing and since when, keep selectors that stopped matching, and the recent
// health events, newest first. Pure: the same input renders the same bytes, and nothing on it changes with
// every run (no "last fetched" time), so a quiet run leaves it, and the commit, alone.
import type { HealthEvent, SourceHealth } from '../../store/types.ts';
import { formatUtc8, isoUtc } from '../../time/utc8.ts';
// The page modules themselves, not pages/index.ts: every cycle renders this page, and the index loads every
// renderer (article pages, diffs) that a cycle with nothing new never uses.
import { html } from '../pages/html.ts';
import { renderPage } from '../pages/layout.ts';
import { sitePaths } from './paths.ts';
import { siteContext } from './site-links.ts';

export interface HealthSource {
  id: string;
  name: string;
  /** The configured primary and fallbacks, in order. */
  feeds: readonly string[];
  enabled: boolean;
  health: SourceHealth | null;
}

export interface HealthView {
  sources: readonly HealthSource[];
  events: readonly HealthEvent[];
}

export const HEALTH_EVENT_LABELS: Readonly<Record<HealthEvent['kind'], string>> = {
  fallback: '改用备用源',
  failing: '持续失败',
  recovered: '恢复',
  selectors: '选择器失效',
  stale: '停止更新',
};

const when = (ms: number | null): string => (ms === null ? '—' : `${formatUtc8(ms)}（UTC+8）`);

function feedCell(source: HealthSource) {
  const active = source.health?.activeUrl ?? null;
  const index = active === null ? -1 : source.feeds.indexOf(active);
  if (active === null) return html`<span class="muted">尚无</span>`;
  const label = index === 0 ? '主源' : index > 0 ? `备用源 ${index}` : '其他';
  return html`${label} <code>${active}</code>`;
}

function stateCell(source: HealthSource) {
  const health = source.health;
  if (!source.enabled) return html`<span class="muted">已停用</span>`;
  if (health === null) return html`<span class="muted">尚未抓取</span>`;
  const notes = [
    health.failingSinceMs !== null ? html`<strong>失败</strong>（自 ${when(health.failingSinceMs)}）` : null,
    health.staleSinceMs !== null ? html`<strong>停止更新</strong>（最新条目 ${when(health.staleSinceMs)}）` : null,
    health.activeUrl !== null && health.activeUrl !== source.feeds[0] ? html`<strong>使用备用源</strong>` : null,
    health.selectorsMissingSinceMs !== null ? html`<strong>选择器失效</strong>（自 ${when(health.selectorsMissingSinceMs)}，${health.selectorMisses} 页）` : null,
  ].filter((note) => note !== null);
  return notes.length === 0 ? html`正常` : html`${notes.map((note, i) => html`${i > 0 ? '；' : ''}${note}`)}`;
}

export function renderHealthPage(siteTitle: string, view: HealthView): string {
  const context = siteContext(siteTitle, new Map(), sitePaths.health);
  const { links } = context;
  const names = new Map(view.sources.map((source) => [source.id, source.name]));
  const body = html`<h1>来源状态</h1>
<p class="muted">每个来源正在使用的订阅源、是否停止更新（最新条目早于 24 小时与平均间隔五倍中的较大者）或持续失败。<a href="${links.feed('health')}">订阅状态变化（Atom）</a></p>
<table class="health">
<thead><tr><th>来源</th><th>订阅源</th><th>状态</th></tr></thead>
<tbody>
${view.sources.map(
  (source) =>
    html`<tr id="source-${source.id}"><td><a href="${links.source(source.id)}">${source.name}</a></td><td>${feedCell(source)}</td><td>${stateCell(source)}</td></tr>\n`,
)}</tbody>
</table>
<h2 id="events">最近的状态变化</h2>
${
  view.events.length === 0
    ? html`<p class="muted">尚无。</p>`
    : html`<ul class="articles">
${view.events.map(
  (event) =>
    html`<li><time datetime="${isoUtc(event.atMs)}">${when(event.atMs)}</time> <strong>${names.get(event.sourceId) ?? event.sourceId}</strong> · ${HEALTH_EVENT_LABELS[event.kind]}：${event.detail}</li>\n`,
)}</ul>`
}`;
  return renderPage(context, { title: '来源状态', body, feeds: [{ title: '来源状态变化', href: links.feed('health') }] });
}
