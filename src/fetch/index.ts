// The fetch stage's public surface.
export { createFetcher, DEFAULT_OPTIONS } from './client.ts';
export { decodeText, type DecodeTextOptions, type DecodedText } from './charset.ts';
export { FetchError, type Conditional, type FetchedBody, type FetchErrorKind, type FetchRequest, type FetchResult, type Fetcher, type FetcherOptions, type StreamedFetchResult } from './types.ts';
