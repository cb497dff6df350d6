// Reports of one running topic for the stories scale test and bench, written the way bench/generate.ts writes
// the cycle benchmark's feeds: `count` records from 300 outlets within a few hours, each lead sentences of six
// phrases drawn from the same 22, so nearly every pair shares shingles — the worst case for candidate pairs.
// Not shipped (test and bench only).
import type { StoryRecord } from './types.ts';

const PHRASES = [
  '俄罗斯总统普京', '中国国家主席习近平', '星期二在克里姆林宫', '签署联合声明', '呼吁以政治外交途径解决危机',
  '美国国务院发言人表示', '乌克兰总统泽连斯基', '欧洲联盟外交官说', '香港立法会', '台湾海峡局势',
  '经济增长放缓', '联合国安理会', '人权组织批评', '新闻自由受到限制', '记者被拘留', '网络审查',
  '国际刑事法院', '外交部在声明中说', '据路透社报道', '分析人士认为', '北京与莫斯科', '制裁措施',
];

export function lookAlikes(count: number, fromMs: number): StoryRecord[] {
  let state = 7;
  const random = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const sentence = (): string => Array.from({ length: 6 }, () => PHRASES[random(PHRASES.length)]).join('') + '。';
  return Array.from({ length: count }, (_, i) => ({
    id: `look-alike-${i}`,
    source: `outlet-${i % 300}`,
    timeMs: fromMs + Math.floor(i / 300) * 60_000,
    title: `来源${i % 300} 第${Math.floor(i / 300)}篇：${PHRASES[i % PHRASES.length]}`,
    lead: `${sentence()} ${sentence()}`,
  }));
}
