// Stories on the pages: under an article, the other outlets' reports of the same event; and a page per day
// listing each event that several outlets reported, with every report. The grouping itself is stories/
// (a later stage); these functions render the groups they are given.
import { addDaysUtc8 } from '../../time/utc8.ts';
import { articleList, type ListedArticle } from './article-list.ts';
import type { Coverage } from './coverage.ts';
import { html, type SafeHtml } from './html.ts';
import { renderPage } from './layout.ts';
import { articleLang, type PageContext } from './links.ts';

/** The other outlets' reports shown under an article (coverage.ts chooses them); none renders nothing. */
export function coverageSection(context: PageContext, coverage: Coverage, day: string): SafeHtml | '' {
  if (coverage.reports.length === 0) return '';
  const stories = context.links.stories?.(day);
  const more = coverage.more > 0 ? html`另有 ${coverage.more} 篇报道` : '';
  return html`<section class="coverage" id="coverage">
<h2>其他媒体的报道</h2>
${articleList(context, coverage.reports, { showOutlet: true })}
${stories ? html`<p>${more}${more ? '，见' : ''}<a href="${stories}">${day} 的多方报道</a></p>\n` : more ? html`<p>${more}</p>\n` : ''}</section>
`;
}

export interface StoriesPageInput {
  day: string;
  /** Each story oldest first; stories in order of their first report. */
  stories: readonly (readonly ListedArticle[])[];
  /** Links to the day before and after (the reader answers any day; the site writes days with articles). */
  neighbours: boolean;
}

export function renderStoriesDay(context: PageContext, input: StoriesPageInput): string {
  const { links } = context;
  const { day } = input;
  const facts = [
    html`按北京时间（UTC+8）计的一天`,
    html`${input.stories.length} 个事件`,
    html`<a href="${links.day(day)}">当日全部文章</a>`,
    input.neighbours && links.stories ? html`<a href="${links.stories(addDaysUtc8(day, -1))}" rel="prev">← 前一天</a>` : null,
    input.neighbours && links.stories ? html`<a href="${links.stories(addDaysUtc8(day, 1))}" rel="next">后一天 →</a>` : null,
  ].filter((fact) => fact !== null);
  const body = html`<h1>${day} 的多方报道</h1>
<p class="muted">${facts.map((fact, index) => html`${index > 0 ? ' · ' : ''}${fact}`)}</p>
<p class="muted">不同媒体在两天之内发表、标题和导语相近的文章归为同一事件（按字符二元组的相似度，不是人工编辑）。</p>
${input.stories.length === 0 ? html`<p class="muted">（当日没有多家媒体报道的同一事件）</p>\n` : ''}${input.stories.map((story, index) => storySection(context, story, index))}`;
  return renderPage(context, { title: `${day} 的多方报道`, body });
}

function storySection(context: PageContext, story: readonly ListedArticle[], index: number): SafeHtml {
  const first = story[0]!;
  const outlets = new Set(story.map((article) => article.sourceId)).size;
  return html`<section class="story" id="story-${index + 1}">
<h2 lang="${articleLang(context.sources.get(first.sourceId))}">${first.title || '（无标题）'}</h2>
<p class="muted">${outlets} 家媒体 · ${story.length} 篇</p>
${articleList(context, story, { showOutlet: true })}
</section>
`;
}
