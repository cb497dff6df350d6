// The stages a feed body's items go through in a cycle (parse and normalize, clean, fingerprint), loaded on the
// first body a source sends (issue 15): an hourly cycle whose feeds all answer 304 never reads an item, and
// loading them (with entities, parse5 and the normalizer) was about a tenth of its CPU. `import()` runs a
// module once, so every later call gets the same loaded modules.
import type * as Stages from './item-stages-load.ts';

let loading: Promise<typeof Stages> | null = null;

export function itemStages(): Promise<typeof Stages> {
  loading ??= import('./item-stages-load.ts');
  return loading;
}
