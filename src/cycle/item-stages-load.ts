// What item-stages.ts loads on demand: imported by nothing else, so that none of it is loaded at start-up.
export { readFeedItems } from './feed-items.ts';
export { cleanArchival } from '../clean/index.ts';
export { fingerprint, sha256 } from '../revision/fingerprint.ts';
