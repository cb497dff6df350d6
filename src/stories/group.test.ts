import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayOfUtc8, dayRangeUtc8 } from '../time/utc8.ts';
import { dayBatchRange, storiesOfDay } from './day.ts';
import { lookAlikes } from './look-alikes.ts';
import { shingles } from './shingles.ts';
import { groupStories, MAX_CANDIDATES, STORY_THRESHOLD, STORY_WINDOW_MS, storyLinks } from './group.ts';
import { testdataRecords } from './testdata-records.ts';
import type { StoryRecord } from './types.ts';

const records = testdataRecords();
const byId = (id: string): StoryRecord => records.find((r) => r.id === id)!;
const VOA = byId('seeds/000_050e39a74adabfee.txt');
const RFI = byId('seeds/002_e9119868c7a8961d.txt');
const HOUR = 3_600_000;

/** The stories of a record's day, drawn from the testdata the way the site and reader draw them. */
function storiesOfRecordDay(record: StoryRecord, all: readonly StoryRecord[]): StoryRecord[][] {
  const { startMs, endMs } = dayRangeUtc8(dayOfUtc8(record.timeMs));
  const [from, to] = dayBatchRange(startMs, endMs);
  return storiesOfDay(all.filter((r) => r.timeMs >= from && r.timeMs < to), startMs, endMs);
}

test('the seed pair (VOA and RFI on the Xi–Putin meeting, 17.6 hours apart) is one story', () => {
  assert.deepEqual(
    storiesOfRecordDay(VOA, records).map((story) => story.map((r) => r.id)),
    [[VOA.id, RFI.id]],
  );
  assert.deepEqual(groupStories([RFI, VOA]).map((story) => story.map((r) => r.id)), [[VOA.id, RFI.id]]);
});

test('unrelated articles of the same days are not grouped', () => {
  // 14–15 February 2025: VOA, DW, NYT and CDT on seven different events, all within 48 hours of each other.
  const feb2025 = records.filter((r) => String(r.id).startsWith('duty-machine/') && dayOfUtc8(r.timeMs).startsWith('2025-02-1'));
  assert.equal(feb2025.length, 7);
  assert.deepEqual(groupStories(feb2025), []);
});

test('the time window is respected', () => {
  const shifted = (ms: number): StoryRecord => ({ ...RFI, timeMs: VOA.timeMs + ms });
  assert.equal(groupStories([VOA, shifted(STORY_WINDOW_MS - HOUR)]).length, 1);
  assert.equal(groupStories([VOA, shifted(STORY_WINDOW_MS + HOUR)]).length, 0);
  assert.equal(groupStories([VOA, shifted(-(STORY_WINDOW_MS + HOUR))]).length, 0);
  assert.equal(groupStories([VOA, RFI], { windowMs: 12 * HOUR }).length, 0);
});

test('a chain of links does not stretch a story past the window', () => {
  const at = (id: string, source: string, hours: number): StoryRecord => ({ ...VOA, id, source, timeMs: VOA.timeMs + hours * HOUR });
  // a–b and b–c are 30 hours apart, a–c 60: without the span limit all three would be one story.
  const stories = groupStories([at('a', 'x', 0), at('b', 'y', 30), at('c', 'z', 60)]);
  assert.deepEqual(stories.map((s) => s.map((r) => r.id)), [['a', 'b']]);
});

test('two articles of one outlet are never linked to each other', () => {
  assert.deepEqual(groupStories([VOA, { ...VOA, id: 'copy' }]), []);
  // …but both join the story another outlet links them to.
  const story = groupStories([VOA, { ...VOA, id: 'copy', timeMs: VOA.timeMs + HOUR }, RFI]);
  assert.deepEqual(story.map((s) => s.map((r) => r.id)), [[VOA.id, 'copy', RFI.id]]);
});

test('traditional and simplified script meet through folding', () => {
  assert.deepEqual(shingles('習近平結束訪俄，ＩＣＣ逮捕令'), shingles('习近平结束访俄，icc逮捕令'));
  assert.deepEqual([...shingles('習近平結束訪俄 ICC 2023')], ['习近', '近平', '平结', '结束', '束访', '访俄', 'icc', '2023']);
  const traditional: StoryRecord = {
    id: 'trad',
    source: 'hk',
    timeMs: VOA.timeMs + HOUR,
    title: '中俄元首呼籲重啟烏克蘭和談，普京稱西方沒準備好',
    lead: '俄羅斯總統普京和中國國家主席習近平星期二簽署兩國「深化新時代全面戰略協作夥伴關係」的聯合聲明，並呼籲以通過「政治外交途徑解決烏克蘭危機」。',
  };
  const unrelated = byId('duty-machine/dw/1022766.md');
  const stories = groupStories([VOA, traditional, { ...unrelated, timeMs: VOA.timeMs }]);
  assert.deepEqual(stories.map((s) => s.map((r) => r.id)), [[VOA.id, 'trad']]);
});

test('stories are ordered by their first article and are the same whatever the input order', () => {
  const batch = records.filter((r) => String(r.id).startsWith('real-feeds/'));
  const forward = groupStories(batch).map((s) => s.map((r) => r.id));
  const backward = groupStories([...batch].reverse()).map((s) => s.map((r) => r.id));
  assert.deepEqual(backward, forward);
  assert.ok(forward.length >= 5, `only ${forward.length} stories in the March 2015 feeds`);
  const firsts = groupStories(batch).map((s) => s[0]!.timeMs);
  assert.deepEqual([...firsts].sort((a, b) => a - b), firsts);
});

test('a day of thousands of look-alike reports: links stay bounded per record and the seed pair is still one story', () => {
  const all = [...lookAlikes(3000, VOA.timeMs - 5 * HOUR), VOA, RFI];
  const links = storyLinks(all, STORY_WINDOW_MS, STORY_THRESHOLD);
  // Measured all pairs with this much in common, they made hundreds of thousands of links (millions at 15,000).
  assert.ok(links.length <= all.length * MAX_CANDIDATES, `${links.length} links for ${all.length} records`);
  assert.ok(links.length > 0);
  const keys = new Set(links.map((link) => `${link.a}-${link.b}`));
  assert.equal(keys.size, links.length, 'each pair once');
  assert.ok(links.every((link) => link.a < link.b && all[link.a]!.source !== all[link.b]!.source));
  const story = groupStories(all).find((members) => members.includes(VOA));
  assert.ok(story?.includes(RFI), 'VOA and RFI in one story');
});

test('bounding the candidates changes no story of the labelled testdata', () => {
  const stories = (maxCandidates: number) => {
    const out: string[][] = [];
    for (const day of new Set(records.map((r) => dayOfUtc8(r.timeMs)))) {
      const { startMs, endMs } = dayRangeUtc8(day);
      const [from, to] = dayBatchRange(startMs, endMs);
      const batch = records.filter((r) => r.timeMs >= from && r.timeMs < to);
      for (const story of storiesOfDay(batch, startMs, endMs, { maxCandidates })) out.push(story.map((r) => String(r.id)));
    }
    return out;
  };
  const bounded = stories(MAX_CANDIDATES);
  assert.ok(bounded.length > 10);
  assert.deepEqual(bounded, stories(Infinity));
});
