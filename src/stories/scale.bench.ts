// What grouping costs when a batch is one running topic (look-alikes.ts: nearly every pair shares shingles),
// with each record's candidates bounded (MAX_CANDIDATES, what the site and the reader use) against measuring
// every pair that shares an indexed shingle (maxCandidates: Infinity, the grouper before the bound). CPU time
// of storyLinks in this process, three repeats each, min / median / max; links made; the largest story.
// Run: npm run bench:stories-scale   (BENCH_SIZES=1000,3000,15000 to change the sizes)
import { loadavg } from 'node:os';
import { groupStories, MAX_CANDIDATES, STORY_THRESHOLD, STORY_WINDOW_MS, storyLinks } from './group.ts';
import { lookAlikes } from './look-alikes.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,3000,15000').split(',').map(Number);
/** Every pair is quadratic: past this size it takes minutes and gigabytes, so it is not run. */
const EXHAUSTIVE_UP_TO = 3000;
const REPEATS = 3;

const cpuMs = (fn: () => unknown): number => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const spread = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.map((v) => Math.round(v)).filter((_, i) => i === 0 || i === 1 || i === sorted.length - 1).join(' / ');
};

console.log(`stories scale: ${new Date().toISOString()}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| records | candidates | storyLinks CPU ms (min / median / max) | links | largest story |');
console.log('|---|---|---|---|---|');
for (const size of SIZES) {
  const records = lookAlikes(size, Date.UTC(2024, 2, 1));
  for (const maxCandidates of [MAX_CANDIDATES, Infinity]) {
    if (maxCandidates === Infinity && size > EXHAUSTIVE_UP_TO) {
      console.log(`| ${size} | every pair | not run (quadratic) | | |`);
      continue;
    }
    let links = 0;
    const times = Array.from({ length: REPEATS }, () => cpuMs(() => (links = storyLinks(records, STORY_WINDOW_MS, STORY_THRESHOLD, { maxCandidates }).length)));
    const largest = Math.max(0, ...groupStories(records, { maxCandidates }).map((story) => story.length));
    console.log(`| ${size} | ${maxCandidates === Infinity ? 'every pair' : maxCandidates} | ${spread(times)} | ${links} | ${largest} |`);
  }
}
