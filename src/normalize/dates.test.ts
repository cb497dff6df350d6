// Every date shape real feeds send, with the instant it names. Expected values are worked out by hand
// from the string (zone arithmetic in the comment where it is not obvious).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeedDate, type DateContext } from './dates.ts';

const UTC: DateContext = { zonelessOffset: 0, chinese: false };
const ZH: DateContext = { zonelessOffset: 480, chinese: true };

const CASES: Array<{ raw: string; iso: string | null; context?: DateContext; note?: RegExp }> = [
  // RFC 822 / RFC 1123 (RSS 2.0 pubDate)
  { raw: 'Tue, 21 Mar 2023 20:39:04 GMT', iso: '2023-03-21T20:39:04.000Z' },
  { raw: 'Wed, 22 Mar 2023 14:15:03 GMT', iso: '2023-03-22T14:15:03.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 UT', iso: '2023-03-21T20:39:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 UTC', iso: '2023-03-21T20:39:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 Z', iso: '2023-03-21T20:39:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 +0800', iso: '2023-03-21T12:39:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 -0430', iso: '2023-03-22T01:09:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 +08:00', iso: '2023-03-21T12:39:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04 EST', iso: '2023-03-22T01:39:04.000Z' }, // -5
  { raw: 'Tue, 21 Mar 2023 20:39:04 EDT', iso: '2023-03-22T00:39:04.000Z' }, // -4
  { raw: 'Tue, 21 Mar 2023 20:39:04 CST', iso: '2023-03-22T02:39:04.000Z' }, // US Central, -6
  { raw: 'Tue, 21 Mar 2023 20:39:04 CST', iso: '2023-03-21T12:39:04.000Z', context: ZH, note: /China Standard Time/ },
  { raw: 'Tue, 21 Mar 2023 20:39:04 PST', iso: '2023-03-22T04:39:04.000Z' }, // -8
  { raw: 'Tue, 21 Mar 2023 20:39:04 PDT', iso: '2023-03-22T03:39:04.000Z' }, // -7
  { raw: 'Tue, 21 Mar 2023 20:39:04 MST', iso: '2023-03-22T03:39:04.000Z' }, // -7
  { raw: 'Tue, 21 Mar 2023 20:39 GMT', iso: '2023-03-21T20:39:00.000Z' }, // no seconds
  { raw: '21 Mar 2023 20:39:04 GMT', iso: '2023-03-21T20:39:04.000Z' }, // no weekday
  { raw: 'Mon, 21 Mar 2023 20:39:04 GMT', iso: '2023-03-21T20:39:04.000Z', note: /weekday "Mon"/ }, // wrong weekday
  { raw: 'Tue, 21 Mar 23 20:39:04 GMT', iso: '2023-03-21T20:39:04.000Z' }, // 2-digit year → 20xx
  { raw: 'Sun, 21 Mar 99 20:39:04 GMT', iso: '1999-03-21T20:39:04.000Z' }, // 2-digit year ≥ 50 → 19xx
  { raw: 'Sat, 31 Dec 2005 06:15:55+0900', iso: '2005-12-30T21:15:55.000Z' }, // no space before the zone
  { raw: 'Tuesday, 21 March 2023 20:39:04 GMT', iso: '2023-03-21T20:39:04.000Z' },
  { raw: 'Tue, 21 Mar 2023 20:39:04', iso: '2023-03-21T20:39:04.000Z', note: /no time zone; read as UTC$/ },
  { raw: 'Tue, 21 Mar 2023 20:39:04 XYZ', iso: '2023-03-21T20:39:04.000Z', note: /unknown time zone "XYZ"/ },
  { raw: 'Tue, 21-Mar-2023 20:39:04 GMT', iso: '2023-03-21T20:39:04.000Z' },
  // Month first, and JavaScript's Date#toString
  { raw: 'Mar 21, 2023 8:39 PM GMT', iso: '2023-03-21T20:39:00.000Z' },
  { raw: 'Tue Mar 21 2023 20:39:04 GMT+0800 (China Standard Time)', iso: '2023-03-21T12:39:04.000Z' },
  // ISO 8601 / RFC 3339 (Atom, dc:date)
  { raw: '2023-03-21T20:39:04Z', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '2023-03-21T20:39:04.123456Z', iso: '2023-03-21T20:39:04.123Z' },
  { raw: '2023-03-22T04:39:04+08:00', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '2023-03-21T20:39:04-05:00', iso: '2023-03-22T01:39:04.000Z' },
  { raw: '2023-03-21T20:39:04+0000', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '2023-03-21t20:39:04z', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '2023-03-21T20:39:04', iso: '2023-03-21T20:39:04.000Z', note: /no time zone/ },
  { raw: '2023-03-21T20:39', iso: '2023-03-21T20:39:00.000Z', note: /no time zone/ },
  { raw: '2019-08-27', iso: '2019-08-27T00:00:00.000Z', note: /no time zone/ },
  { raw: '20230321T203904Z', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '2023-03-21T24:00:00Z', iso: '2023-03-22T00:00:00.000Z' },
  // Chinese sites: zone-less local time is Beijing time in a zh feed
  { raw: '2023-03-22 15:10:00', iso: '2023-03-22T07:10:00.000Z', context: ZH, note: /read as UTC\+8/ },
  { raw: '2023-03-22 15:10:00', iso: '2023-03-22T15:10:00.000Z', note: /read as UTC$/ },
  { raw: '2020/1/10 14:33:00', iso: '2020-01-10T06:33:00.000Z', context: ZH },
  { raw: '2023年3月22日 15:10', iso: '2023-03-22T07:10:00.000Z', context: ZH },
  { raw: '2023年3月22日15:10:30', iso: '2023-03-22T07:10:30.000Z', context: ZH },
  { raw: '2023年03月22日 星期三 下午3:10', iso: '2023-03-22T07:10:00.000Z', context: ZH },
  { raw: '2023年3月22日', iso: '2023-03-21T16:00:00.000Z', context: ZH },
  { raw: '2023-03-22 15:10:00 +0800', iso: '2023-03-22T07:10:00.000Z' },
  // Epoch seconds and milliseconds
  { raw: '1679431144', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '1679431144000', iso: '2023-03-21T20:39:04.000Z' },
  { raw: '1679431144.5', iso: '2023-03-21T20:39:04.500Z' },
  // Not dates
  { raw: '', iso: null },
  { raw: 'yesterday', iso: null },
  { raw: 'Tue, 32 Mar 2023 20:39:04 GMT', iso: null },
  { raw: '2023-02-29T00:00:00Z', iso: null },
  { raw: '2023-13-01', iso: null },
  { raw: '2023-03-21T25:00:00Z', iso: null },
  { raw: 'Tue, 21 Foo 2023 20:39:04 GMT', iso: null },
  { raw: '12345', iso: null },
];

describe('parseFeedDate', () => {
  for (const c of CASES) {
    const context = c.context ?? UTC;
    test(`${JSON.stringify(c.raw)}${context.chinese ? ' (zh feed)' : ''}`, () => {
      const parsed = parseFeedDate(c.raw, context);
      if (c.iso === null) {
        assert.equal(parsed, null);
        return;
      }
      assert.ok(parsed !== null, 'should parse');
      assert.equal(new Date(parsed.ms).toISOString(), c.iso);
      if (c.note !== undefined) assert.ok(parsed.notes.some((n) => c.note?.test(n)), parsed.notes.join(' | '));
    });
  }
});
