// Feed dates → epoch milliseconds, from every shape real feeds send: RFC 822/1123 (RSS; with odd zones,
// no seconds, no or wrong weekday, 2-digit years, "+0900" glued to the time), ISO 8601 / RFC 3339
// (Atom, dc:date; date-only, no zone, "2020/1/10 14:33:00"), Chinese (2023年3月22日 15:10), and epoch
// seconds or milliseconds. Pure: a date without a zone is read at the offset the caller gives.
import { CHINA_OFFSET, ZONE_OFFSETS } from './zones.ts';

export interface DateContext {
  /** Minutes east of UTC for a date that names no zone. */
  zonelessOffset: number;
  /** A Chinese-language feed: "CST" is China Standard Time there. */
  chinese: boolean;
}

export interface FeedDate {
  ms: number;
  /** Notes about how the value was read (missing zone, wrong weekday…), for warnings. */
  notes: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ZONE = String.raw`(?:(?:GMT|UTC|UT)\s*)?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5}`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;

const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[Tt]|\s+)${TIME})?\s*(${ZONE})?$`);
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?$/;
const RFC822 = new RegExp(String.raw`^(?:([A-Za-z]+)\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2,4})(?:[\s,T]+${TIME})?\s*(${ZONE})?$`);
const MONTH_FIRST = new RegExp(
  String.raw`^(?:([A-Za-z]+)\.?,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[\s,]+(?:at\s+)?${TIME}\s*([AaPp]\.?[Mm]\.?)?)?\s*(${ZONE})?$`,
);
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:(?:星期|周|週)[一二三四五六日天])?\s*(上午|中午|下午|晚上|凌晨|早上)?\s*(?:(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})\s*分?\s*(?:[:：]?\s*(\d{1,2})\s*秒?)?)?$/;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  zone: string | null;
  weekday: string | null;
  hasTime: boolean;
}

function num(value: string | undefined, fallback = 0): number {
  return value === undefined ? fallback : Number.parseInt(value, 10);
}

function fraction(value: string | undefined): number {
  return value === undefined ? 0 : Math.floor(Number(`0.${value}`) * 1000);
}

function monthIndex(name: string): number {
  const m = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return m === -1 ? -1 : m + 1;
}

/** RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 19xx; three-digit years add 1900. */
function fullYear(value: string): number {
  const y = Number.parseInt(value, 10);
  if (value.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (value.length === 3) return 1900 + y;
  return y;
}

/** Minutes east of UTC for a zone token, or null when unknown. */
function zoneOffset(token: string, context: DateContext): number | null {
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(token);
  if (numeric !== null) {
    const minutes = num(numeric[2]) * 60 + num(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const upper = token.toUpperCase();
  if (upper === 'CST' && context.chinese) return CHINA_OFFSET;
  return ZONE_OFFSETS.get(upper) ?? null;
}

function match(text: string): Fields | null {
  let m = ISO.exec(text);
  if (m !== null) {
    return {
      year: num(m[1]), month: num(m[2]), day: num(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]),
      millis: fraction(m[7]), zone: m[8] ?? null, weekday: null, hasTime: m[4] !== undefined,
    };
  }
  m = ISO_BASIC.exec(text);
  if (m !== null) {
    return {
      year: num(m[1]), month: num(m[2]), day: num(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]),
      millis: 0, zone: m[7] ?? null, weekday: null, hasTime: true,
    };
  }
  m = RFC822.exec(text);
  if (m !== null && monthIndex(m[3] as string) !== -1) {
    return {
      year: fullYear(m[4] as string), month: monthIndex(m[3] as string), day: num(m[2]), hour: num(m[5]),
      minute: num(m[6]), second: num(m[7]), millis: fraction(m[8]), zone: m[9] ?? null, weekday: m[1] ?? null,
      hasTime: m[5] !== undefined,
    };
  }
  m = MONTH_FIRST.exec(text);
  if (m !== null && monthIndex(m[2] as string) !== -1) {
    let hour = num(m[5]);
    const meridiem = m[9]?.toLowerCase().replaceAll('.', '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return {
      year: num(m[4]), month: monthIndex(m[2] as string), day: num(m[3]), hour, minute: num(m[6]), second: num(m[7]),
      millis: fraction(m[8]), zone: m[10] ?? null, weekday: m[1] ?? null, hasTime: m[5] !== undefined,
    };
  }
  m = CHINESE.exec(text);
  if (m !== null) {
    let hour = num(m[5]);
    if ((m[4] === '下午' || m[4] === '晚上') && hour < 12) hour += 12;
    if (m[4] === '凌晨' && hour === 12) hour = 0;
    return {
      year: num(m[1]), month: num(m[2]), day: num(m[3]), hour, minute: num(m[6]), second: num(m[7]),
      millis: 0, zone: null, weekday: null, hasTime: m[5] !== undefined,
    };
  }
  return null;
}

function fromEpoch(text: string): FeedDate | null {
  if (!/^\d{9,13}(?:\.\d+)?$/.test(text)) return null;
  const digits = text.split('.')[0] as string;
  const value = Number(text);
  if (digits.length <= 10) return { ms: Math.round(value * 1000), notes: ['is a number; read as epoch seconds'] };
  if (digits.length >= 12) return { ms: Math.round(value), notes: ['is a number; read as epoch milliseconds'] };
  return null;
}

/** Reads one date string; null when it is not a date this parser knows. */
export function parseFeedDate(raw: string, context: DateContext): FeedDate | null {
  // A trailing comment such as "(China Standard Time)" or "(CST)" adds nothing a zone token does not say.
  const text = raw.trim().replace(/\s*\([^)]*\)$/, '').replace(/\s+/g, ' ');
  if (text === '') return null;
  const epoch = fromEpoch(text);
  if (epoch !== null) return epoch;
  const f = match(text);
  if (f === null) return null;

  const notes: string[] = [];
  if (f.second === 60) f.second = 59; // a leap second
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  // 24:00 is midnight at the end of the day (ISO 8601 §4.2.3); Date.UTC rolls it over.
  const endOfDay = f.hour === 24 && f.minute === 0 && f.second === 0;
  const valid =
    f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= daysInMonth && (f.hour <= 23 || endOfDay) &&
    f.minute <= 59 && f.second <= 59 && f.year >= 1000 && f.year <= 9999;
  if (!valid) return null;

  let offset: number;
  if (f.zone === null) {
    offset = context.zonelessOffset;
    notes.push(`has no time zone; read as UTC${formatOffset(offset)}`);
  } else {
    const known = zoneOffset(f.zone, context);
    if (known === null) {
      offset = context.zonelessOffset;
      notes.push(`has an unknown time zone "${f.zone}"; read as UTC${formatOffset(offset)}`);
    } else {
      offset = known;
      if (f.zone.toUpperCase() === 'CST' && context.chinese) notes.push('says "CST"; in a Chinese feed read as China Standard Time (UTC+8)');
    }
  }
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millis) - offset * 60_000;
  if (!Number.isFinite(ms)) return null;
  if (f.weekday !== null) {
    const named = WEEKDAYS.indexOf(f.weekday.slice(0, 3).toLowerCase());
    // The weekday belongs to the local date as written, before the zone is applied.
    const actual = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
    if (named !== actual) notes.push(`names weekday "${f.weekday}", which does not match; the date was kept`);
  }
  return { ms, notes };
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
}
