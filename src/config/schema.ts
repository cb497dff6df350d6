// The config file's shape, validated once at the edge. Every error names the field it is about.
//
// zod's "mini" API: the same validation core and the same English messages as zod's classic API, without the method
// chains that make every schema type carry all of zod. Loading classic zod was about 75 ms of every cold command
// that reads a config (its 734 KB are most of a no-change cycle's module loading, README, Performance); this is 20.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { isOtherUrl } from './database.ts';

// Mini ships without messages; the English ones are classic zod's default.
z.config(en());

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const httpUrl = z.string().check(z.refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false; // not a URL at all: the refine message says so
  }
}, 'must be an http(s) URL'));

export const fulltextModes = ['feed', 'page', 'auto'] as const;
export const imageModes = ['keep', 'proxy', 'archive'] as const;

const nonEmpty = () => z.string().check(z.minLength(1));
const int = (...checks: z.core.$ZodCheck<number>[]) => z.number().check(z.int(), ...checks);

const selectorsSchema = z.strictObject({
  keep: z.optional(z.array(nonEmpty())),
  drop: z.optional(z.array(nonEmpty())),
});

export const sourceSchema = z.strictObject({
  id: z.string().check(z.regex(idPattern, 'must be 1-64 letters, digits, "_" or "-", starting with a letter or digit')),
  name: z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((name) => !/[\/\\\0]/.test(name) && name !== '.' && name !== '..', 'must not contain / or \\'),
    // lists/<name>.md sits beside lists/removed.md, the list of articles taken down at their source.
    z.refine((name) => name.toLowerCase() !== 'removed', '"removed" is reserved for lists/removed.md'),
  ),
  url: httpUrl,
  // Other feeds of the same outlet, tried in order in the same run when the one before fails or is stale
  // (cycle/feed-fallback.ts); each run starts again from `url`.
  fallbacks: z.optional(z.array(httpUrl).check(z.maxLength(10))),
  enabled: z.optional(z.boolean()),
  language: z.optional(z.string()),
  fulltext: z.optional(z.enum(fulltextModes)),
  selectors: z.optional(selectorsSchema),
  images: z.optional(z.enum(imageModes)),
  proxy: z.optional(z.nullable(httpUrl)),
}).check(z.superRefine((source, ctx) => {
  const seen = new Set([source.url]);
  source.fallbacks?.forEach((url, index) => {
    if (seen.has(url)) ctx.addIssue({ code: 'custom', path: ['fallbacks', index], message: 'repeats the source\'s url or an earlier fallback' });
    seen.add(url);
  });
}));

export const configSchema = z.strictObject({
  output: z._default(nonEmpty(), 'archive'),
  database: z.optional(nonEmpty().check(z.refine((value) => !isOtherUrl(value), 'must be a file path or a postgresql:// URL'))),
  sources: z.optional(z.array(sourceSchema)).check(
    z.superRefine((sources, ctx) => {
      const seen = new Map<string, number>();
      sources?.forEach((source, index) => {
        const earlier = seen.get(source.id.toLowerCase());
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `duplicate source id "${source.id}" (also sources[${earlier}])`,
          });
        }
        seen.set(source.id.toLowerCase(), index);
      });
    }),
  ),
  fetch: z._default(
    z.strictObject({
      userAgent: z.optional(nonEmpty()),
      timeoutMs: z.optional(int(z.positive(), z.maximum(600_000))),
      maxBytes: z.optional(int(z.positive())),
      maxFeedBytes: z.optional(int(z.positive())),
      retries: z.optional(int(z.minimum(0), z.maximum(10))),
      concurrency: z.optional(int(z.positive(), z.maximum(256))),
      perHostConcurrency: z.optional(int(z.positive(), z.maximum(64))),
      proxy: z.optional(z.nullable(httpUrl)),
    }),
    {},
  ),
  fulltext: z._default(z.enum(fulltextModes), 'auto'),
  images: z._default(z.enum(imageModes), 'keep'),
  imageProxy: z._default(
    z.string().check(z.refine((value) => value.includes('{url}') || value.includes('{rawurl}'), 'must contain {url} or {rawurl}')),
    'https://images.weserv.nl/?url={url}',
  ),
  listSize: z._default(int(z.positive(), z.maximum(100_000)), 300),
  git: z._default(
    z.strictObject({
      commit: z._default(z.boolean(), true),
      push: z._default(z.boolean(), true),
      remotes: z.optional(z.array(nonEmpty())),
      authorName: z._default(nonEmpty(), 'newsvault'),
      authorEmail: z._default(nonEmpty(), 'newsvault@localhost'),
    }),
    { commit: true, push: true, authorName: 'newsvault', authorEmail: 'newsvault@localhost' },
  ),
  recheck: z._default(z.strictObject({ perRun: z._default(int(z.minimum(0), z.maximum(100_000)), 50) }), { perRun: 50 }),
  // The static site and Atom feeds (src/publish/site, src/publish/atom).
  site: z._default(
    z.strictObject({
      enabled: z._default(z.boolean(), true),
      /** Default: `<output>/site`, so the site is committed and mirrored with the archive. */
      dir: z.optional(nonEmpty()),
      pageSize: z._default(int(z.minimum(1), z.maximum(10_000)), 50),
      atomEntries: z._default(int(z.minimum(1), z.maximum(1_000)), 50),
      title: z._default(z.string().check(z.minLength(1), z.maxLength(200)), 'newsvault'),
      /** Public URL of the site folder; when set, Atom links are absolute. */
      baseUrl: z.optional(z.nullable(httpUrl)),
    }),
    { enabled: true, pageSize: 50, atomEntries: 50, title: 'newsvault' },
  ),
});

export type SourceConfig = z.input<typeof sourceSchema>;
export type RawConfig = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
