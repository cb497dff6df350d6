// Builds the ContentPreparer a run uses from the config: feed content, then (per source) full text from
// the article page and image handling.
import type { Config } from '../config/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import type { Store } from '../store/index.ts';
import { feedContent, type ContentPreparer } from './content.ts';

export interface ContentPreparerDeps {
  config: Config;
  store: Store;
  fetcher: Fetcher;
}

export function createContentPreparer(_deps: ContentPreparerDeps): ContentPreparer {
  return feedContent;
}
