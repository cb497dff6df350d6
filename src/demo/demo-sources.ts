// The outlets the demo archives: the bundled sample feeds, served on loopback. Sorted by id.
export const DEMO_SOURCES: readonly { id: string; name: string; file: string }[] = [
  { id: 'rfi', name: '法广', file: 'rfi.xml' },
  { id: 'voa', name: '美国之音', file: 'voa.xml' },
];
