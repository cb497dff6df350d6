// Time-zone names that appear in real feed dates, as minutes east of UTC. RFC 822 §5.1 defines only
// UT/GMT, the four US zones and military letters; feeds use many more. Sorted by name.

export const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['ACST', 570],
  ['AEDT', 660],
  ['AEST', 600],
  ['AKDT', -480],
  ['AKST', -540],
  ['AWST', 480],
  ['BST', 60],
  ['CCT', 480],
  ['CDT', -300],
  ['CEST', 120],
  ['CET', 60],
  ['CST', -360],
  ['EDT', -240],
  ['EEST', 180],
  ['EET', 120],
  ['EST', -300],
  ['GMT', 0],
  ['HKT', 480],
  ['HST', -600],
  ['JST', 540],
  ['KST', 540],
  ['MDT', -360],
  ['MEST', 120],
  ['MET', 60],
  ['MSK', 180],
  ['MST', -420],
  ['NZDT', 780],
  ['NZST', 720],
  ['PDT', -420],
  ['PST', -480],
  ['SGT', 480],
  ['UT', 0],
  ['UTC', 0],
  ['WEST', 60],
  ['WET', 0],
  ['Z', 0],
]);

/** China Standard Time: what "CST" means in a Chinese-language feed (RFC 822's CST is US Central). */
export const CHINA_OFFSET = 480;
