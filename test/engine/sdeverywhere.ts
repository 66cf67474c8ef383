/**
 * Runs an XMILE model with SDEverywhere (@sdeverywhere/compile, MIT; a devDependency used only by
 * tests and benchmarks): its compiler turns the model into a JavaScript module, which is written
 * to a temporary file, imported, and driven here the way SDEverywhere's runtime drives it.
 *
 * The runtime package (@sdeverywhere/runtime) is not installed: bench/peers/sde-runtime.mjs
 * supplies the pieces of it that generated code needs, shared with the benchmark.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runJsModel, type JsModel } from '../../bench/peers/sde-runtime.mjs';

type Compiler = typeof import('@sdeverywhere/compile');

let compiler: Promise<Compiler> | undefined;

/**
 * SDEverywhere's compiler calls `XLSX.set_fs(fs)` when it loads. The xlsx package is replaced
 * by a local stub (package.json overrides; bench/stubs/xlsx) that lacks `set_fs`, so the stub's
 * exports get a no-op one first; Excel inputs stay unavailable, as intended.
 */
function loadCompiler(): Promise<Compiler> {
  compiler ??= (async () => {
    const xlsx = createRequire(import.meta.url)('xlsx') as Record<string, unknown>;
    xlsx.set_fs ??= () => {};
    return import('@sdeverywhere/compile');
  })();
  return compiler;
}

/** JavaScript for the model, or the compiler's complaint. */
export async function generateSde(xmile: string, modelDir: string): Promise<{ code: string } | { error: string }> {
  const { parseModel, generateCode, resetState } = await loadCompiler();
  // The compiler prints notes ("no var with name … in vensimName") to the console: keep them out.
  const { log, error, warn } = console;
  console.log = console.error = console.warn = () => {};
  try {
    resetState();
    const parsed = parseModel(xmile, 'xmile', modelDir);
    const code = generateCode(parsed, { spec: {}, operations: ['generateJS'], extData: new Map(), directData: new Map(), modelDirname: modelDir });
    return { code };
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
  } finally {
    Object.assign(console, { log, error, warn });
  }
}

export interface SdeRun {
  /** The time of every step, start to stop. */
  times: number[];
  /** Every output (SDEverywhere outputs all variables but lookups and data), by Vensim name. */
  series: Map<string, number[]>;
}

/** Imports the generated code as an ES module (each import has its own module-level state). */
async function load(code: string): Promise<JsModel> {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-sde-'));
  const file = join(dir, 'model.mjs');
  writeFileSync(file, code);
  try {
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: () => Promise<JsModel> };
    return await module.default();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs generated code with Euler, storing every step. */
export async function runSde(code: string): Promise<SdeRun> {
  const model = await load(code);
  const names = model.outputVarNames;
  const columns = names.map(() => [] as number[]);
  const times: number[] = [];
  let k = 0;
  runJsModel(
    model,
    // The runtime stores outputs in a Float64Array, which turns `false` into 0 and a lookup
    // object into NaN: Number() does the same here.
    () => (value) => columns[k++ % names.length]!.push(Number(value)),
    (time) => times.push(time),
  );
  return { times, series: new Map(names.map((name, i) => [name, columns[i]!])) };
}
