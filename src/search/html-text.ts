// The search index reads the same visible text as the revision diffs (one implementation, in clean/).
export { visibleText as htmlToText } from '../clean/visible-text.ts';
