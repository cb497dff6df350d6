// Where simplified-table.ts comes from: OpenCC run over every BMP character, one at a time in effect
// (characters separated by newlines, so no phrase can span two; one call instead of 60,000). Used by the
// generator script and by the test that keeps the table in step with opencc-js; never at run time.
import OpenCC from 'opencc-js';

/** [character, its simplified form] for every BMP code unit OpenCC maps to one other code unit. */
export function simplifiedPairs(): [number, number][] {
  const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const toSimplified = (s: string): string => fromTaiwan(fromHongKong(s));
  const codes: number[] = [];
  for (let c = 0x20; c <= 0xffff; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x0a || c === 0x0d) continue;
    codes.push(c);
  }
  const converted = toSimplified(codes.map((c) => String.fromCharCode(c)).join('\n')).split('\n');
  const batch = converted.length === codes.length;
  const pairs: [number, number][] = [];
  codes.forEach((c, i) => {
    const out = batch ? converted[i]! : toSimplified(String.fromCharCode(c));
    if (out.length === 1 && out.charCodeAt(0) !== c) pairs.push([c, out.charCodeAt(0)]);
  });
  return pairs;
}
