// Serving images through an image proxy (the old archive used https://images.weserv.nl/?url=…), so readers
// who cannot reach the outlet's image host still see the pictures.
import { HtmlEditor } from '../markup/html-editor.ts';
import { findTags } from './find-tags.ts';
import type { TagSpan } from './find-tags.ts';
import { parseSrcset } from '../markup/srcset.ts';

const TAGS = new Set(['img', 'source']);

/**
 * Rewrites `<img src>` and `srcset` (on `<img>` and on `<picture><source>`) http(s) URLs through `template`,
 * which holds `{url}` (replaced by the URL, percent-encoded) or `{rawurl}` (the URL as is). URLs already
 * going through the proxy, relative URLs and data: URLs are left alone; every other byte stays as it was.
 */
export function rewriteImagesProxy(html: string, template: string): string {
  const marker = template.includes('{url}') ? '{url}' : template.includes('{rawurl}') ? '{rawurl}' : null;
  if (marker === null) throw new Error(`media: proxy template "${template}" has neither {url} nor {rawurl}`);
  const prefix = template.slice(0, template.indexOf(marker));
  const proxied = (url: string): string | null => {
    if (!/^https?:\/\//i.test(url) || (prefix !== '' && url.startsWith(prefix))) return null;
    return template.replace(marker, marker === '{url}' ? encodeURIComponent(url) : url);
  };
  const edit = new HtmlEditor(html);
  for (const tag of findTags(html, TAGS)) {
    if (tag.name === 'source' && !inPicture(tag)) continue; // <video>/<audio> sources are not images
    for (const attr of tag.attributes) {
      if (attr.name === 'src' && tag.name === 'img') {
        const next = proxied(attr.value.trim());
        if (next !== null) edit.setAttributeValue(attr, next);
      } else if (attr.name === 'srcset') {
        let out = '';
        let last = 0;
        let changed = false;
        for (const c of parseSrcset(attr.value)) {
          const next = proxied(c.url);
          out += attr.value.slice(last, c.start) + (next ?? c.url);
          last = c.end;
          if (next !== null) changed = true;
        }
        if (changed) edit.setAttributeValue(attr, out + attr.value.slice(last));
      }
    }
  }
  return edit.result();
}

export function inPicture(tag: TagSpan): boolean {
  return tag.ancestors.at(-1) === 'picture';
}
