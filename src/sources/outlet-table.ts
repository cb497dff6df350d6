// The built-in outlets as the Markdown table README shows, generated from the one table in config/builtin-sources.ts so
// the two cannot disagree (outlet-table.test.ts compares them).
import { BUILTIN_OUTLETS, type BuiltinOutlet } from '../config/builtin-sources.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function formatOutletTable(outlets: readonly BuiltinOutlet[] = BUILTIN_OUTLETS): string {
  const lines = [
    '| id | outlet | feed | fallback | status (2026 evidence) |',
    '|---|---|---|---|---|',
    ...outlets.map(({ source, status, note }) => {
      const fallbacks = source.fallbacks?.length ? source.fallbacks.map((url) => `<${url}>`).join(', ') : '—';
      const label = source.enabled === false ? `${status}, not fetched` : status;
      return `| \`${source.id}\` | ${cell(source.name)} | <${source.url}> | ${fallbacks} | **${label}**: ${cell(note)} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
