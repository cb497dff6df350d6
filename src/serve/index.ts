// The local web reader (`newsvault serve`): search, outlet and day listings, articles with revisions.
export { createReaderApp, HOME_LATEST, SOURCE_PAGE_SIZE, DAY_PAGE_SIZE } from './app.ts';
export { SEARCH_PAGE_SIZE } from './search-request.ts';
export type { ReaderOptions } from './app.ts';
export { startReader } from './server.ts';
export type { StartReaderOptions, RunningReader } from './server.ts';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './headers.ts';
export { ParamError, MAX_PAGE, MAX_PAGE_SIZE } from './params.ts';
