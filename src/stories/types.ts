// The plain records the story grouper works on, and its options. Nothing here knows about the store, the
// site or the reader: whoever calls it reads the records (publish/site, serve) and says what a story is for.

/** One article as the grouper sees it. */
export interface StoryRecord {
  /** Any identity the caller uses; only compared for equality and used to break ties in a stable order. */
  id: number | string;
  /** The outlet: two records of one outlet are never linked directly (a story is told by several outlets). */
  source: string;
  /** Publication time, epoch milliseconds. */
  timeMs: number;
  title: string;
  /** The opening of the text (plain text; the caller strips markup). */
  lead: string;
}

export interface StoryOptions {
  /** Two records further apart in time than this are never linked (default STORY_WINDOW_MS). */
  windowMs?: number;
  /** The similarity at or above which two records are linked (default STORY_THRESHOLD). */
  threshold?: number;
  /** Characters of the lead that count (default LEAD_CHARS; for the bench's sweep). */
  leadChars?: number;
  /** Weight of a title shingle against a lead shingle (default TITLE_WEIGHT; for the bench's sweep). */
  titleWeight?: number;
  /** How many nearest others of each record are measured (default MAX_CANDIDATES; Infinity for every one, as the scale bench compares). */
  maxCandidates?: number;
}

/** One link between two records of different outlets, with its similarity (for the bench and the tests). */
export interface StoryLink {
  a: number;
  b: number;
  similarity: number;
}
