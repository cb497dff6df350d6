// Per-outlet help for Readability, by source id (the ids of the built-in sources). Sorted by id.
//
// `drop` removes chrome that sits *inside* the article container (ads between paragraphs, share bars,
// embed consent banners, newsletter boxes) where Readability would keep it. `keep` names the article's own
// blocks where Readability's pick is incomplete (it skips the lead/standfirst or the lead picture, or the
// body is a run of <div>s it does not score). When a keep selector matches nothing (template changed),
// extraction falls back to Readability on the whole page.
//
// bbc and rfi are derived from real pages (src/extract/testdata, 2012 and 2025 BBC 中文, 2025 RFI 中文);
// the others from the outlets' article templates as published (Pangea CMS for VOA, DW's 2022 React
// template and its older `longText` one, cn.nytimes.com, FT中文网, Reuters' Fusion template, WordPress for
// China Digital Times) and are tested on pages built in their shape.
//
// RFA has none: its Plone template (`#storytext`) was retired when the site moved to Arc XP, and its Arc feed
// carries the full text in content:encoded, so its pages are rarely fetched; Readability reads the rest.
// A source whose keep selectors stop matching is counted and reported (`status`, site/health.html).
import type { SourceSelectors } from './types.ts';

export const SOURCE_SELECTORS: Readonly<Record<string, SourceSelectors>> = {
  bbc: {
    drop: [
      '.contextual-links', // 2012 layout: "与内文相关的链接"
      '.tools-container', // 2012 layout: share tools
      '.tools-container-end',
      '[data-e2e="advertisement"]',
      '[data-e2e="media-player__guidance"]', // "你的器材不支持播放多媒体材料"
      '[data-e2e="most-read"]',
      '[data-e2e="recommendations-heading"]',
      '[data-e2e="related-content-heading"]',
      '[data-e2e="top-stories-heading"]',
      '[data-testid="consentBanner"]', // Instagram/X/YouTube embed: "允许Instagram内容"
      '[id^="end-of-"]', // "结尾 Instagram 帖子"
      'a[href^="#end-of-"]', // "跳过 Instagram 帖子"
      'small[id]', // "告知: BBC 不对外来网站内容负责" (embed disclaimer, referenced by aria-describedby)
    ],
  },
  cdt: {
    keep: ['.entry-content', '.post-content'],
    drop: [
      '.addtoany_share_save_container',
      '.jp-relatedposts',
      '.sharedaddy',
      '.wp-block-buttons',
      '.yarpp-related',
    ],
  },
  dw: {
    keep: ['article .teaser-text', 'article .hero-image', 'article .rich-text', '#bodyContent .intro', '#bodyContent .longText'],
    drop: ['.advertisement', '[data-tracking-name="sharing-icons-inline"]', '.rich-text .embed-teaser'],
  },
  ft: {
    keep: ['.story-lead', '.story-image', '#story-body-container'],
    drop: ['.story-theme', '.adiframe', '.mpu-container', '.story-relate', '.inread-ad'],
  },
  nyt: {
    keep: ['.article-header .article-span-photo', '.article-body'],
    drop: ['.article-body .big_ad', '.article-body .ad_box', '.article-body .related-coverage', '.article-body .setting-bar'],
  },
  reuters: {
    keep: ['[data-testid="primary-image"]', '[data-testid="ArticleBody"] [data-testid^="paragraph-"]', '[data-testid="ArticleBody"] h2'],
    drop: ['[data-testid="Toolbar"]', '[data-testid="ResponsiveAdSlot"]', '[class*="read-next"]'],
  },
  rfi: {
    keep: ['.t-content__chapo', '.t-content__main-media', '.t-content__body'],
    drop: [
      '.m-block-ad',
      '.m-interstitial', // ad + "继续浏览后续" button inside the body
      '.o-self-promo', // newsletter / app promos
      '.t-content__body .m-em-quote--related',
      '.t-content__shares',
    ],
  },
  voa: {
    keep: ['.cover-media', '#article-content'],
    drop: ['.media-download', '.share--box', '.wsw__embed .media-block-wrap', '.wsw .ad', '.wsw .banner'],
  },
};

/** The selectors for a source id, or none. */
export function selectorsFor(sourceId: string): SourceSelectors | undefined {
  return Object.hasOwn(SOURCE_SELECTORS, sourceId) ? SOURCE_SELECTORS[sourceId] : undefined;
}
