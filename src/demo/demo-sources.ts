// The outlets the demo archives: the bundled sample feeds, served on loopback. Sorted by id.
export const DEMO_SOURCES: readonly { id: string; name: string; file: string; fulltext: 'feed' | 'auto' }[] = [
  { id: 'dw', name: '德国之声', file: 'dw.xml', fulltext: 'auto' },
  { id: 'rfi', name: '法广', file: 'rfi.xml', fulltext: 'feed' },
  { id: 'voa', name: '美国之音', file: 'voa.xml', fulltext: 'feed' },
];
