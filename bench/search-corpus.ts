// The search benchmark's synthetic archive and query set, both deterministic (seeded PRNG): realistic
// Chinese news text of about 1,590 characters an article from a Zipf-distributed vocabulary of real words
// (OpenCC's phrase dictionary plus common news words), 20% of articles in traditional characters, nine
// outlets, about 500 articles a day ending mid-2024.
import OpenCC from 'opencc-js';
import type { SearchDocument, SearchOrder } from '../src/search/index.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The most frequent words of Chinese news prose, most frequent first; they take the top Zipf ranks.
const COMMON = (
  '的 是 在 了 和 有 也 对 与 这 他 说 中国 表示 不 将 人 一个 美国 政府 为 上 都 我们 已经 时 就 被 等 但 从 ' +
  '他们 台湾 香港 习近平 国家 发展 经济 问题 人民 社会 记者 报道 认为 总统 政策 国际 关系 安全 人权 选举 疫情 ' +
  '疫苗 抗议 警察 法院 新闻 自由 媒体 网络 审查 军事 贸易 关税 北京 当局 官员 外交部 发言人 会议 地区 合作 ' +
  '继续 今年 去年 目前 可能 需要 进行 包括 其中 之后 没有 因为 所以 如果 以及 通过 根据 这些 一些 大陆 民主 ' +
  '法律 公司 市场 投资 企业 银行 俄罗斯 乌克兰 日本 欧盟 联合国 战争 和平 中共 共产党 领导人 主席 部长 议员 ' +
  '调查 消息 网站 学生 大学 教育 家庭 工作 生活 城市 农村 警方 逮捕 拘留 判决 起诉 律师 维权 示威 集会'
).split(' ');

export function vocabulary(): { simplified: string[]; traditional: string[]; cdf: Float64Array } {
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const simplified = [...COMMON];
  const traditional = COMMON.map((w) => toTaiwan(w));
  // Real words from OpenCC's simplified→traditional phrase table, every 6th entry of 2–4 characters.
  const phrases = (OpenCC.Locale.from.cn?.[0]?.[0] as string).split('|');
  for (let i = 0; i < phrases.length; i += 6) {
    const [s, t] = (phrases[i] as string).split(' ');
    if (s === undefined || t === undefined) continue;
    const n = [...s].length;
    if (n < 2 || n > 4 || [...t].length !== n) continue;
    simplified.push(s);
    traditional.push(t);
  }
  const cdf = new Float64Array(simplified.length);
  let sum = 0;
  for (let r = 0; r < simplified.length; r++) {
    sum += 1 / (r + 2) ** 1.05; // Zipf-like
    cdf[r] = sum;
  }
  for (let r = 0; r < cdf.length; r++) cdf[r] = (cdf[r] as number) / sum;
  return { simplified, traditional, cdf };
}

const SOURCES = ['voa', 'rfi', 'bbc', 'dw', 'nyt', 'rfa', 'cdt', 'ft', 'reuters']; // weights below
const SOURCE_WEIGHTS = [0.2, 0.15, 0.15, 0.12, 0.1, 0.1, 0.08, 0.06, 0.04];
/** About 500 articles a day (ten outlets), ending mid-2024: 100,000 articles span 200 days, 1,000,000 span 5.5 years. */
export const ARTICLES_PER_DAY = 500;
export const END_MS = Date.UTC(2024, 6, 1);
export function spanMs(count: number): number {
  return (count / ARTICLES_PER_DAY) * 86_400_000;
}

const TOPIC_WORDS = 12;
const TOPIC_SHARE = 0.3;

export function* generate(count: number, vocab: ReturnType<typeof vocabulary>, seed = 42): Generator<SearchDocument> {
  const random = mulberry32(seed);
  const pick = (): number => {
    const u = random();
    let lo = 0;
    let hi = vocab.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((vocab.cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Articles have topics: a few words recur throughout one article (names, places, the subject), which is
  // what makes real news text repetitive (measured on the fixtures: 64% of bigram tokens distinct per
  // article; without topics this generator gave 87%).
  let topic: number[] = [];
  const sentence = (words: string[], chars: number): string => {
    let out = '';
    let clause = 0;
    const clauseLen = 6 + Math.floor(random() * 14);
    while (out.length < chars) {
      const w = words[random() < TOPIC_SHARE ? (topic[Math.floor(random() * topic.length)] as number) : pick()] as string;
      out += w;
      clause += w.length;
      if (clause >= clauseLen) {
        out += random() < 0.7 ? '，' : '。';
        clause = 0;
      }
    }
    return out + '。';
  };
  for (let i = 0; i < count; i++) {
    const words = random() < 0.2 ? vocab.traditional : vocab.simplified;
    // Half the topic words are common-ish (ranks 30–330), half anywhere in the vocabulary (names, subjects).
    topic = Array.from({ length: TOPIC_WORDS }, (_, k) =>
      k % 2 === 0 ? 30 + Math.floor(random() * 300) : Math.floor(random() * words.length),
    );
    let u = random();
    let s = 0;
    while (s < SOURCES.length - 1 && u > (SOURCE_WEIGHTS[s] as number)) u -= SOURCE_WEIGHTS[s++] as number;
    const paragraphs: string[] = [];
    let length = 0;
    const target = 1200 + Math.floor(random() * 600);
    while (length < target) {
      const p = sentence(words, 80 + Math.floor(random() * 160));
      paragraphs.push(p);
      length += p.length + 1;
    }
    yield {
      id: i + 1,
      source: SOURCES[s] as string,
      title: sentence(words, 12 + Math.floor(random() * 14)).slice(0, -1),
      text: paragraphs.join('\n'),
      published: END_MS - spanMs(count) + Math.floor((i / count) * spanMs(count) + (random() - 0.5) * 4 * 3_600_000),
      status: random() < 0.02 ? 'removed' : 'live',
    };
  }
}

export interface BenchQuery {
  cls: string;
  q: string;
  order?: SearchOrder;
}

function rareWords(vocab: ReturnType<typeof vocabulary>): { rare2: string; rare3: string; rare4: string; rareTrad: string; mid2: string } {
  const rareAt = (rank: number, len: number): string => {
    for (let r = rank; r < vocab.simplified.length; r++) if ([...(vocab.simplified[r] as string)].length === len) return vocab.simplified[r] as string;
    throw new Error('bench: vocabulary too small');
  };
  const rare2 = rareAt(2500, 2);
  const rare3 = rareAt(4500, 3);
  const rare4 = rareAt(5500, 4);
  const rareTrad = vocab.traditional[vocab.simplified.indexOf(rareAt(3500, 3))] as string;
  const mid2 = rareAt(400, 2);
  return { rare2, rare3, rare4, rareTrad, mid2 };
}

/** The timed mix: 20 queries in five classes. */
export function queries(vocab: ReturnType<typeof vocabulary>): BenchQuery[] {
  const { rare2, rare3, rare4, rareTrad } = rareWords(vocab);
  return [
    { cls: 'common 2-3', q: '中国' },
    { cls: 'common 2-3', q: '臺灣' },
    { cls: 'common 2-3', q: '政府' },
    { cls: 'common 2-3', q: '习近平' },
    { cls: 'rare 2-4', q: rare2 },
    { cls: 'rare 2-4', q: rare3 },
    { cls: 'rare 2-4', q: rare4 },
    { cls: 'rare 2-4', q: rareTrad },
    { cls: 'phrase 4-6', q: '"香港警察"' },
    { cls: 'phrase 4-6', q: '美国总统表示' },
    { cls: 'phrase 4-6', q: '"中國政府"' },
    { cls: 'phrase 4-6', q: '人民 -中国' },
    { cls: 'filtered', q: '台湾 source:rfa' },
    { cls: 'filtered', q: '疫苗 from:2024-03-01 to:2024-03-31' },
    { cls: 'filtered', q: '抗议 status:removed' },
    { cls: 'filtered', q: `${rare2} source:voa,bbc from:2024-01-01` },
    { cls: 'relevance', q: '香港', order: 'relevance' },
    { cls: 'relevance', q: '经济 发展', order: 'relevance' },
    { cls: 'relevance', q: rare3, order: 'relevance' },
    { cls: 'relevance', q: '选举 source:dw', order: 'relevance' },
  ];
}

/** Relevance queries whose bounded ranking is compared with ranking every match (recall), common to rare. */
export function recallQueries(vocab: ReturnType<typeof vocabulary>): string[] {
  const { rare2, rare3, mid2 } = rareWords(vocab);
  return ['香港', '政府', '经济 发展', '习近平', '"中國政府"', '选举 source:dw', '台湾 from:2024-03-01 to:2024-03-31', mid2, rare2, rare3];
}
