// Symbiose itself, from the compiled engine (npm run build puts it in dist/).
import { compile, parseXmile, simulate } from '../../dist/engine/index.js';
import { toXmile } from '../workloads.mjs';

/** Parses and compiles once (setup); each run is one `simulate` call, saving one series. */
export function prepare(workload, engine) {
  const { model, issues } = parseXmile(toXmile(workload), 'bench.xmile');
  if (!model) throw new Error(issues.map((i) => JSON.stringify(i)).join('\n'));
  const compiled = compile(model);
  if (!compiled.program) throw new Error(compiled.issues.slice(0, 3).map((i) => JSON.stringify(i)).join('\n'));
  const save = [workload.kind === 'array' ? 'S[e1]' : 's1'];
  return () => {
    const run = simulate(compiled.program, { method: 'euler', save, engine });
    if (run.engine !== engine) throw new Error(`asked for ${engine}, ran ${run.engine}`);
    return run.series.get(save[0]).at(-1);
  };
}
