// SDEverywhere (@sdeverywhere/compile, MIT; a devDependency): its compiler turns the XMILE into
// a JavaScript module, which is imported and run the way its runtime (@sdeverywhere/runtime,
// not installed) runs one (sde-runtime.mjs, shared with the cross-engine tests). By default only the series Symbiose saves is stored; with
// `all`, every output is, as the runtime does when no outputs are named (into one Float64Array,
// as its outputs buffer).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toXmile } from '../workloads.mjs';
import { runJsModel } from './sde-runtime.mjs';

const require = createRequire(import.meta.url);

/**
 * SDEverywhere's XMILE reader writes an arrayed stock's INTEG from the bare <inflow> and
 * <outflow> names (`inflow - outflow`, no subscripts), which its code generator then reads as
 * whole arrays (NaN). Naming the flows with the stock's dimension works around it; the
 * equations are the same.
 */
function sdeXmile(workload) {
  const text = toXmile(workload);
  return workload.kind === 'array'
    ? text.replace('<inflow>inflow</inflow><outflow>outflow</outflow>', '<inflow>inflow[D]</inflow><outflow>outflow[D]</outflow>')
    : text;
}

export async function prepare(workload, all = false) {
  // SDEverywhere calls XLSX.set_fs(fs) on load; the local xlsx stub (bench/stubs) lacks it.
  const xlsx = require('xlsx');
  xlsx.set_fs ??= () => {};
  const { parseModel, generateCode, resetState } = await import('@sdeverywhere/compile');
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-bench-sde-'));
  const [name, id] = workload.kind === 'array' ? ['S[e1]', '_s[_e1]'] : ['s1', '_s1'];
  const { log, error, warn } = console;
  console.log = console.error = console.warn = () => {};
  let code;
  try {
    resetState();
    const parsed = parseModel(sdeXmile(workload), 'xmile', dir);
    code = generateCode(parsed, {
      spec: all ? {} : { outputVarNames: [name], outputVars: [id] },
      operations: ['generateJS'],
      extData: new Map(),
      directData: new Map(),
      modelDirname: dir,
    });
  } finally {
    Object.assign(console, { log, error, warn });
  }
  const file = join(dir, 'model.mjs');
  writeFileSync(file, code);
  const module = await import(pathToFileURL(file).href);
  rmSync(dir, { recursive: true, force: true });
  // Each run builds a fresh model instance from the module, as the runtime does.
  return async () => {
    const model = await module.default();
    let outputs;
    let stored = 0;
    const lastStep = runJsModel(model, (last) => {
      outputs = new Float64Array(model.outputVarNames.length * (last + 1));
      return (value) => {
        outputs[stored++] = value;
      };
    });
    // The checked series: the one stored, or the stock's column in the last row.
    const names = model.outputVarNames;
    return all ? outputs[lastStep * names.length + names.indexOf(name)] : outputs[stored - 1];
  };
}
