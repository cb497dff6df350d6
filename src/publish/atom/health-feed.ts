// site/feeds/health.atom: one entry per health event (stale, failing, recovered, switched to a fallback,
// selectors no longer matching), newest first, so an operator can subscribe to the archive's own health.
// Each event has its own id (RFC 4287 §4.2.6) that never changes, so a reader shows each once.
import type { HealthEvent } from '../../store/types.ts';
import { escapeText } from '../../markup/escape.ts';
import { HEALTH_EVENT_LABELS, type HealthView } from '../site/health-page.ts';
import { relativeLink, sitePaths } from '../site/paths.ts';
import { atomId } from './ids.ts';
import type { RenderedFeed } from './feeds.ts';
import { renderAtom, type AtomEntry } from './render.ts';

export function healthFeed(options: { siteTitle: string; baseUrl: string | null; view: HealthView; entries: number }): RenderedFeed {
  const path = sitePaths.feed('health');
  const archive = options.baseUrl ?? options.siteTitle;
  const href = (to: string): string => (options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/${to}` : relativeLink(path, to));
  const names = new Map(options.view.sources.map((source) => [source.id, source.name]));
  const entry = (event: HealthEvent): AtomEntry => {
    const name = names.get(event.sourceId) ?? event.sourceId;
    return {
      id: atomId(archive, `health/${event.sourceId}/${event.kind}/${event.atMs}/${event.id}`),
      title: `${name}：${HEALTH_EVENT_LABELS[event.kind]}`,
      updatedMs: event.atMs,
      publishedMs: event.atMs,
      links: [
        { rel: 'alternate', href: `${href(sitePaths.health)}#source-${event.sourceId}`, type: 'text/html' },
        ...(event.feedUrl ? [{ rel: 'related' as const, href: event.feedUrl }] : []),
      ],
      author: null,
      contentHtml: `<p>${escapeText(event.detail)}</p>`,
      lang: 'zh-Hans',
      categories: [event.kind, event.sourceId],
    };
  };
  const content = renderAtom({
    id: atomId(archive, 'feed/health'),
    title: `来源状态变化 · ${options.siteTitle}`,
    subtitle: '订阅源停止更新、持续失败、改用备用源、选择器失效与恢复',
    links: [
      { rel: 'self', href: href(path), type: 'application/atom+xml' },
      { rel: 'alternate', href: href(sitePaths.health), type: 'text/html' },
    ],
    author: options.siteTitle,
    lang: 'zh-Hans',
    entries: options.view.events.slice(0, options.entries).map(entry),
  });
  return { path, content };
}
