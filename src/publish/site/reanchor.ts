// After the store was rebuilt from the archive (a CI runner that lost its database): the site folder's publish
// state names a revision id of the lost database, which the rebuilt one numbers anew. When the archive's
// manifest is where the state says it was when the site was last published, the rebuilt store holds exactly
// what the site shows, so the mark is moved to the rebuilt store's and nothing is rendered again (state.ts).
// The site search's part is dropped: its shards name articles by database id, which the rebuild may have
// given out in another order, so it is rebuilt once from the new ids.
import type { Store } from '../../store/types.ts';
import type { ManifestPosition } from './state.ts';
import { readPublishState, savePublishState } from './state.ts';

export async function reanchorPublishState(store: Store, siteDir: string, manifest: ManifestPosition | null): Promise<boolean> {
  const state = readPublishState(siteDir);
  if (state === null || state.manifest === null || manifest === null) return false;
  if (state.manifest.file !== manifest.file || state.manifest.bytes !== manifest.bytes) return false;
  if (await store.buildMarkIsValid(state.mark)) return false;
  const { search: _search, ...settings } = state.settings;
  savePublishState(siteDir, { ...state, mark: await store.currentBuildMark(), settings });
  return true;
}
