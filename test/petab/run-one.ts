/**
 * One problem of the PEtab benchmark collection, in its own process (run-collection.ts spawns it): load and
 * compile, simulate at the nominal parameters (twice: cold, then warm), compare with the collection's
 * simulation table and AMICI's reference llh. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSimulations, loadPetab, problems } from './collection.js';

const [root, name] = process.argv.slice(2) as [string, string];
const pf = problems(root).find((p) => p.name === name);
const amici = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'amici-llh.json'), 'utf8'))
  .llh as Record<string, number>;
const out: Record<string, unknown> = { name };
try {
  if (pf === undefined) throw new Error(`no PEtab YAML in ${join(root, name)}`);
  // CPU time of this process (the machine is shared; wall time is reported beside it).
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const pp = loadPetab(pf.yaml, { onWarning: () => {} });
  const t1 = performance.now();
  const c1 = cpu();
  const ev = pp.simulate(pp.nominal);
  const t2 = performance.now();
  const c2 = cpu();
  pp.simulate(pp.nominal);
  const t3 = performance.now();
  Object.assign(out, {
    species: pp.problems[0]!.model.species.length,
    conditions: pp.conditions,
    measurements: pp.measurements,
    sbml_kb: Math.round(readFileSync(pp.spec.problems[0]!.sbmlFile).length / 1024),
    load_ms: t1 - t0,
    load_cpu_ms: c1 - c0,
    sim_cpu_ms: c2 - c1,
    sim_ms: t2 - t1,
    sim_warm_ms: t3 - t2,
    llh: ev.llh,
  });
  if (pf.simulated !== undefined)
    out.simulation = compareSimulations(pp, ev.results[0]!.simulation, pf.simulated);
  const ref = amici[name];
  // numpy.isclose(llh, ref, rtol=1e-3, atol=1e-3), AMICI's own criterion
  if (ref !== undefined) out.amici = { ref, matched: Math.abs(ev.llh - ref) <= 1e-3 + 1e-3 * Math.abs(ref) };
} catch (e) {
  out.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
