/**
 * HTTP API latency: each analysis of every library model, asked of a running `startServer` over
 * a real socket (keep-alive fetch), from the request to the last byte of the answer. Each model
 * is a workspace copy (the library seeded into a throwaway workspace). Every answer is loaded
 * from the version's text and analysed afresh: nothing is cached between requests.
 *
 *   npm run build && node bench/server.mjs                 # about a minute
 *   node bench/server.mjs --models purple-button --runs 5
 *
 * Not a test: it prints milliseconds (median and slowest of the runs); nothing asserts a timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const { startServer } = await import('../dist/server/index.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const dir = mkdtempSync(join(tmpdir(), 'symbiose-bench-server-'));
const server = await startServer({ port: 0, workspacePath: join(dir, 'workspace.sqlite') });
const base = server.url.replace(/\/$/, '');
const wanted = option('models', undefined)?.split(',');

async function timed(path) {
  const times = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const answer = await fetch(base + path);
    await answer.arrayBuffer();
    times.push(performance.now() - start);
    status = answer.status;
  }
  times.sort((a, b) => a - b);
  return { status, median: times[Math.floor(times.length / 2)], slowest: times.at(-1) };
}

const models = (await (await fetch(`${base}/api/models`)).json()).map((m) => m.id).filter((id) => !wanted || wanted.includes(id));
console.log(`${runs} runs each; ms from request to last byte, median / slowest\n`);
console.log(['model', 'payers', 'profit', 'summary', 'canvas', 'compare', 'simulate', 'read'].map((c) => c.padEnd(30)).join('').trimEnd());
for (const id of models) {
  const version = await (await fetch(`${base}/api/models/${id}`)).json();
  const actor = Object.keys(version.document.actors)[0];
  const paths = [
    `/analyses/payers`,
    `/analyses/profit`,
    `/analyses/summary`,
    `/analyses/canvas?actor=${encodeURIComponent(actor)}`,
    version.document.variants ? `/analyses/compare` : undefined,
    version.document.dynamics ? `/analyses/simulate` : undefined,
    '',
  ];
  const cells = [id];
  for (const path of paths) {
    if (path === undefined) {
      cells.push('—');
      continue;
    }
    const { status, median, slowest } = await timed(`/api/models/${id}${path}`);
    cells.push(status === 200 ? `${median.toFixed(1)} / ${slowest.toFixed(1)}` : `status ${status}`);
  }
  console.log(cells.map((c) => c.padEnd(30)).join('').trimEnd());
}
await server.close();
rmSync(dir, { recursive: true, force: true });
