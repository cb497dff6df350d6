// The config file's shape, validated once at the edge. Every error names the field it is about.
import { z } from 'zod';
import { isOtherUrl } from './database.ts';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false; // not a URL at all: the refine message says so
  }
}, 'must be an http(s) URL');

export const fulltextModes = ['feed', 'page', 'auto'] as const;
export const imageModes = ['keep', 'proxy', 'archive'] as const;

const selectorsSchema = z.strictObject({
  keep: z.array(z.string().min(1)).optional(),
  drop: z.array(z.string().min(1)).optional(),
});

export const sourceSchema = z.strictObject({
  id: z.string().regex(idPattern, 'must be 1-64 letters, digits, "_" or "-", starting with a letter or digit'),
  name: z
    .string()
    .min(1)
    .max(100)
    .refine((name) => !/[\/\\\0]/.test(name) && name !== '.' && name !== '..', 'must not contain / or \\')
    // lists/<name>.md sits beside lists/removed.md, the list of articles taken down at their source.
    .refine((name) => name.toLowerCase() !== 'removed', '"removed" is reserved for lists/removed.md'),
  url: httpUrl,
  // Other feeds of the same outlet, tried in order in the same run when the one before fails or is stale
  // (cycle/feed-fallback.ts); each run starts again from `url`.
  fallbacks: z.array(httpUrl).max(10).optional(),
  enabled: z.boolean().optional(),
  language: z.string().optional(),
  fulltext: z.enum(fulltextModes).optional(),
  selectors: selectorsSchema.optional(),
  images: z.enum(imageModes).optional(),
  proxy: httpUrl.nullable().optional(),
}).superRefine((source, ctx) => {
  const seen = new Set([source.url]);
  source.fallbacks?.forEach((url, index) => {
    if (seen.has(url)) ctx.addIssue({ code: 'custom', path: ['fallbacks', index], message: 'repeats the source\'s url or an earlier fallback' });
    seen.add(url);
  });
});

export const configSchema = z.strictObject({
  output: z.string().min(1).default('archive'),
  database: z
    .string()
    .min(1)
    .refine((value) => !isOtherUrl(value), 'must be a file path or a postgresql:// URL')
    .optional(),
  sources: z
    .array(sourceSchema)
    .optional()
    .superRefine((sources, ctx) => {
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
  fetch: z
    .strictObject({
      userAgent: z.string().min(1).optional(),
      timeoutMs: z.number().int().positive().max(600_000).optional(),
      maxBytes: z.number().int().positive().optional(),
      maxFeedBytes: z.number().int().positive().optional(),
      retries: z.number().int().min(0).max(10).optional(),
      concurrency: z.number().int().positive().max(256).optional(),
      perHostConcurrency: z.number().int().positive().max(64).optional(),
      proxy: httpUrl.nullable().optional(),
    })
    .default({}),
  fulltext: z.enum(fulltextModes).default('auto'),
  images: z.enum(imageModes).default('keep'),
  imageProxy: z
    .string()
    .refine((value) => value.includes('{url}') || value.includes('{rawurl}'), 'must contain {url} or {rawurl}')
    .default('https://images.weserv.nl/?url={url}'),
  listSize: z.number().int().positive().max(100_000).default(300),
  git: z
    .strictObject({
      commit: z.boolean().default(true),
      push: z.boolean().default(true),
      remotes: z.array(z.string().min(1)).optional(),
      authorName: z.string().min(1).default('newsvault'),
      authorEmail: z.string().min(1).default('newsvault@localhost'),
    })
    .default({ commit: true, push: true, authorName: 'newsvault', authorEmail: 'newsvault@localhost' }),
  recheck: z
    .strictObject({
      perRun: z.number().int().min(0).max(100_000).default(50),
    })
    .default({ perRun: 50 }),
  // The static site and Atom feeds (src/publish/site, src/publish/atom).
  site: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Default: `<output>/site`, so the site is committed and mirrored with the archive. */
      dir: z.string().min(1).optional(),
      pageSize: z.number().int().min(1).max(10_000).default(50),
      atomEntries: z.number().int().min(1).max(1_000).default(50),
      title: z.string().min(1).max(200).default('newsvault'),
      /** Public URL of the site folder; when set, Atom links are absolute. */
      baseUrl: httpUrl.nullable().optional(),
    })
    .default({ enabled: true, pageSize: 50, atomEntries: 50, title: 'newsvault' }),
});

export type SourceConfig = z.input<typeof sourceSchema>;
export type RawConfig = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
