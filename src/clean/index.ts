// clean: two outputs from one input. Archival HTML keeps the source's bytes except what is dangerous;
// display HTML is a strict allowlist for our own site and reader.
export { cleanArchival } from './archival/index.ts';
export type { ArchivalResult } from './archival/index.ts';
export { cleanDisplay } from './display.ts';
export type { DisplayOptions } from './display.ts';
export { toOneLine } from './one-line.ts';
export { visibleText } from './visible-text.ts';
