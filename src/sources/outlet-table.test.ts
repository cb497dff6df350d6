import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configFromValue } from '../config/index.ts';
import { BUILTIN_OUTLETS, BUILTIN_SOURCES, PARTISAN_EXAMPLES } from '../config/builtin-sources.ts';
import { formatOutletTable } from './outlet-table.ts';

test('README shows exactly the built-in table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(formatOutletTable()), 'README.md is out of date: paste the output of formatOutletTable()');
});

test('the built-in list: sorted, explicit stable ids, every feedx source has the outlet\'s own feed as fallback', () => {
  const ids = BUILTIN_SOURCES.map((source) => source.id.toLowerCase());
  assert.deepEqual(ids, [...ids].sort());
  for (const source of BUILTIN_SOURCES.filter((s) => s.url.startsWith('https://feedx.net/') && s.enabled !== false)) {
    assert.ok((source.fallbacks?.length ?? 0) > 0, `${source.id} has no fallback`);
    assert.ok(source.fallbacks!.every((url) => !url.includes('feedx.')), `${source.id}: fallback is feedx again`);
  }
  // The old archive's ids and names stay, so imported history resolves.
  const byId = new Map(BUILTIN_SOURCES.map((source) => [source.id, source]));
  for (const [id, name] of [['BBC', 'BBC'], ['cdt', '中国数字时代'], ['dw', '德国之声'], ['ft', 'FT中文网'], ['nyt', '纽约时报中文网'], ['reuters', '路透中文网'], ['rfa', '自由亚洲电台'], ['rfi', '法广'], ['voa', '美国之音']]) {
    assert.equal(byId.get(id!)?.name, name);
  }
  assert.equal(byId.get('reuters')?.enabled, false);
  assert.equal(byId.get('rfa')?.url, 'https://www.rfa.org/arc/outboundfeeds/mandarin/rss/');
  assert.deepEqual(byId.get('rfa')?.fallbacks, ['https://www.rfa.org/mandarin/rss2.xml']);
  assert.equal(byId.get('ft')?.url, 'https://www.ftchinese.com/rss/feed');
  assert.equal(BUILTIN_OUTLETS.find((outlet) => outlet.source.id === 'voa')?.status, 'dormant');
  for (const id of ['initium', 'cna', 'nikkei', 'kyodo', 'mingpao']) assert.ok(byId.has(id), id);
});

test('the built-in list and the partisan examples pass the config schema; retired sources are kept but not fetched', () => {
  const config = configFromValue({ sources: [...BUILTIN_SOURCES, ...PARTISAN_EXAMPLES] }, null, '/');
  assert.equal(config.sources.find((source) => source.id === 'reuters')?.enabled, false);
  assert.ok(PARTISAN_EXAMPLES.every((source) => source.name.includes('党派')));
  assert.ok(!BUILTIN_SOURCES.some((source) => PARTISAN_EXAMPLES.some((example) => example.id === source.id)));
});
