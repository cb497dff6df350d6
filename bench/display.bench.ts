// `node --import tsx bench/display.bench.ts`: the CPU cost of one cleanDisplay call (issue 15: a first cycle
// cleans each of its 15,000 articles for display about three times). Inputs: the real article bodies in
// src/clean/testdata (the old archive's and the seeds') and generated bodies like the cycle benchmark's, after
// archival cleaning as in a cycle. Each run is a cold child process: its first call of each body (JIT cold, as
// in a short cycle) and then the mean of ROUNDS more calls.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { realArticleBodies } from '../src/clean/display-corpus.ts';
import { articleHtml, seededRandom } from './generate.ts';
import { describeCommit, loadAverages, spread } from './measure.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const ROUNDS = 20;
const GENERATED = 300;

interface Body {
  html: string;
  baseUrl: string | null;
}

const realBodies = (): Body[] => realArticleBodies().map(({ html, baseUrl }) => ({ html, baseUrl }));

interface ChildResult {
  real: { firstUs: number; warmUs: number };
  generated: { firstUs: number; warmUs: number };
}

function cpuUs(): number {
  const used = process.cpuUsage();
  return used.user + used.system;
}

async function child(): Promise<ChildResult> {
  const { cleanArchival } = await import('../src/clean/archival/index.ts');
  const { cleanDisplay } = await import('../src/clean/display.ts');
  const random = seededRandom(7);
  const generated: Body[] = [];
  for (let i = 0; i < GENERATED; i++) {
    generated.push({ html: cleanArchival(articleHtml(random)).html, baseUrl: `https://news.example.com/7/a/${i}.html` });
  }
  const measure = (bodies: Body[]) => {
    let start = cpuUs();
    for (const b of bodies) cleanDisplay(b.html, { baseUrl: b.baseUrl });
    const firstUs = (cpuUs() - start) / bodies.length;
    start = cpuUs();
    for (let r = 0; r < ROUNDS; r++) for (const b of bodies) cleanDisplay(b.html, { baseUrl: b.baseUrl });
    return { firstUs, warmUs: (cpuUs() - start) / bodies.length / ROUNDS };
  };
  // Generated first: the cycle's case, and it pays for loading sanitize-html (as the cycle's first call does).
  const gen = measure(generated);
  const real = measure(realBodies());
  return { real, generated: gen };
}

if (process.argv[2] === 'child') {
  process.stdout.write(`${JSON.stringify(await child())}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const results: ChildResult[] = [];
  const loads: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    loads.push(loadAverages());
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, 'child'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bench: display: child failed: ${run.stderr}`);
    results.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult);
  }
  console.log(`cleanDisplay CPU per call, µs, min / median / max of ${RUNS} cold runs — commit ${describeCommit()}, ${new Date().toISOString()}`);
  console.log(`load averages before each run: ${loads.join('; ')}`);
  console.log(`| bodies | first call of each | then (mean of ${ROUNDS} rounds) |`);
  console.log('|---|---|---|');
  console.log(`| ${GENERATED} generated (the cycle bench's) | ${spread(results.map((r) => r.generated.firstUs), 0)} | ${spread(results.map((r) => r.generated.warmUs), 0)} |`);
  console.log(`| 21 real (src/clean/testdata) | ${spread(results.map((r) => r.real.firstUs), 0)} | ${spread(results.map((r) => r.real.warmUs), 0)} |`);
}
