import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDisplay } from './src/clean/index.ts';
const walk = (dir: string, out: string[] = []): string[] => { for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) walk(p, out); else if (n.endsWith('.md')) out.push(p); } return out; };
const bodies = walk('src/clean/testdata').map((f) => readFileSync(f, 'utf8').split('\n')[4] ?? '');
const bytes = bodies.reduce((a, b) => a + b.length, 0);
for (const b of bodies) cleanDisplay(b);
const times: number[] = [];
for (let r = 0; r < 5; r++) { const t = process.cpuUsage(); for (let i = 0; i < 20; i++) for (const b of bodies) cleanDisplay(b); const u = process.cpuUsage(t); times.push((u.user + u.system) / 1000 / (20 * bodies.length)); }
times.sort((a, b) => a - b);
console.log(`${bodies.length} bodies, ${bytes} chars; ms CPU per body min/med/max ${times[0]!.toFixed(2)} ${times[2]!.toFixed(2)} ${times[4]!.toFixed(2)}`);
