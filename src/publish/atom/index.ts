// Atom 1.0 feeds of the archive (RFC 4287).
export { allFeed, changedFeed, removedFeed, sourceFeed } from './feeds.ts';
export type { FeedContext, RenderedFeed } from './feeds.ts';
export { renderAtom, feedUpdatedMs } from './render.ts';
export type { AtomEntry, AtomFeed, AtomLink } from './render.ts';
export { atomId, uuidV5 } from './ids.ts';
export { healthFeed } from './health-feed.ts';
