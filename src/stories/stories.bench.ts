// Precision and recall of the story grouper on the labelled pairs of testdata/labelled-pairs.json (real
// articles from the fixtures, labelled by reading them: same event or not; see testdata/SOURCES.md).
// Each pair is judged the way the site and the reader show it: the two articles are "grouped" when they are
// in one story of the day (UTC+8) of the earlier one (day.ts: the batch is that day ± the window).
// Prints the chosen setting, a threshold sweep, and the lead-length / title-weight neighbours.
// Run: node --import tsx src/stories/stories.bench.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayRangeUtc8, dayOfUtc8 } from '../time/utc8.ts';
import { dayBatchRange, storiesOfDay } from './day.ts';
import { STORY_THRESHOLD, STORY_WINDOW_MS } from './group.ts';
import { LEAD_CHARS, TITLE_WEIGHT } from './similarity.ts';
import { TESTDATA, testdataRecords } from './testdata-records.ts';
import type { StoryOptions, StoryRecord } from './types.ts';

interface LabelledPair {
  a: string;
  b: string;
  same: boolean;
  note: string;
  titles: [string, string];
}

const pairs = JSON.parse(readFileSync(join(TESTDATA, 'labelled-pairs.json'), 'utf8')) as LabelledPair[];
const records = testdataRecords();
const byId = new Map(records.map((r) => [String(r.id), r]));

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** The pairs judged wrongly. */
  wrong: { pair: LabelledPair; grouped: boolean }[];
  precision: number;
  recall: number;
  f1: number;
}

function evaluate(options: StoryOptions): Score {
  const storyOf = new Map<string, Map<string, number>>(); // day → record id → story index
  const story = (record: StoryRecord): Map<string, number> => {
    const day = dayOfUtc8(record.timeMs);
    let map = storyOf.get(day);
    if (!map) {
      const { startMs, endMs } = dayRangeUtc8(day);
      const [from, to] = dayBatchRange(startMs, endMs, options);
      const batch = records.filter((r) => r.timeMs >= from && r.timeMs < to);
      map = new Map();
      storiesOfDay(batch, startMs, endMs, options).forEach((members, index) => {
        for (const m of members) map!.set(String(m.id), index);
      });
      storyOf.set(day, map);
    }
    return map;
  };
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const wrong: Score['wrong'] = [];
  for (const pair of pairs) {
    const a = byId.get(pair.a)!;
    const b = byId.get(pair.b)!;
    const first = a.timeMs <= b.timeMs ? a : b;
    const map = story(first);
    const x = map.get(String(a.id));
    const grouped = x !== undefined && x === map.get(String(b.id));
    if (grouped !== pair.same) wrong.push({ pair, grouped });
    if (grouped && pair.same) tp++;
    else if (grouped) fp++;
    else if (pair.same) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { tp, fp, fn, tn, wrong, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const row = (label: string, s: Score): string =>
  `${label.padEnd(34)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}   (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`;

const positives = pairs.filter((p) => p.same).length;
const chosen = evaluate({});
const lines = [
  `${pairs.length} labelled pairs (${positives} same event, ${pairs.length - positives} not), ${records.length} records`,
  '',
  row(`chosen: threshold ${STORY_THRESHOLD}, ${STORY_WINDOW_MS / 3_600_000} h`, chosen),
  ...chosen.wrong.map(({ pair, grouped }) => `  ${grouped ? 'grouped, not the same event' : 'same event, not grouped'}: ${pair.titles[0]} | ${pair.titles[1]}`),
  '',
  'threshold sweep (lead ' + LEAD_CHARS + ' chars, title weight ' + TITLE_WEIGHT + ', window 48 h)',
];
for (const threshold of [0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4]) lines.push(row(`  threshold ${threshold}`, evaluate({ threshold })));
lines.push('', 'neighbours of the chosen setting');
for (const leadChars of [0, 80, 300]) lines.push(row(`  lead ${leadChars} chars`, evaluate({ leadChars })));
for (const titleWeight of [1, 3]) lines.push(row(`  title weight ${titleWeight}`, evaluate({ titleWeight })));
for (const hours of [24, 72]) lines.push(row(`  window ${hours} h`, evaluate({ windowMs: hours * 3_600_000 })));
console.log(lines.join('\n'));
