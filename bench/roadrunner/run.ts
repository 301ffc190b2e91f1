/**
 * cscsim against libRoadRunner 2.7.0 (`../shared/peers/roadrunner/rrref`, LLVM JIT + CVODE), side by side:
 * for each model, load (parse + compile; rrref: parse + LLVM JIT) and simulate (fastest of 5 solves on the
 * same grid, same rtol/atol), both cold in fresh processes; ours also warm (fastest of up to 300 more solves
 * in that process, against rrref's same 5), and the accuracy of both against a tight
 * reference (rrref at rtol 1e-12, atol 1e-14): max over grid and species of |x - ref| / max(|ref|, floor),
 * floor = 1e-6 of the species' largest amount. Wall times (each side times itself); machine shared.
 * Models: PEtab benchmark models (SBML as shipped, horizon = last measurement time), a BioModels sample
 * (test/biomodels/corpus, t = 0..100) and the HER2-CSC model exported as SBML (90 days).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { exportSbml } from '../../src/io/sbml/index.js';
import { getModel } from '../../src/models/index.js';
import type { Row } from '../rows.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
export const RRREF = join(ROOT, '..', 'shared', 'peers', 'roadrunner', 'rrref');
const PETAB = join(ROOT, '..', 'shared', 'petab-benchmark', 'Benchmark-Models');
const PEER = 'libRoadRunner 2.7.0';
const RTOL = 1e-6;
const ATOL = 1e-9;
const POINTS = 101;

/** PEtab benchmark models in the default set (Chen_MSB2009: our simulation takes minutes, see README). */
export const PETAB_MODELS = [
  'Boehm_JProteomeRes2014',
  'Bertozzi_PNAS2020',
  'Bruno_JExpBot2016',
  'Crauste_CellSystems2017',
  'Elowitz_Nature2000',
  'Fiedler_BMCSystBiol2016',
  'Raia_CancerResearch2011',
  'Schwen_PONE2014',
  'Sneyd_PNAS2002',
  'Weber_BMC2015',
  'Zheng_PNAS2012',
  'Bachmann_MSB2011',
  'Brannmark_JBC2010',
  'Lucarelli_CellSystems2018',
  'Laske_PLOSComputBiol2019',
  'SalazarCavazos_MBoC2020',
];
export const BIOMODELS = [
  'BIOMD0000000002',
  'BIOMD0000000005',
  'BIOMD0000000010',
  'BIOMD0000000014',
  'BIOMD0000000028',
];

interface Case {
  readonly name: string;
  readonly file: string;
  readonly tEnd: number;
}

function petabCase(name: string): Case | null {
  const dir = join(PETAB, name);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir);
  const xml = files.find((f) => f.endsWith('.xml'));
  const meas = files.find((f) => f.startsWith('measurement') && f.endsWith('.tsv'));
  if (xml === undefined || meas === undefined) return null;
  const lines = readFileSync(join(dir, meas), 'utf8').trim().split('\n');
  const j = lines[0]!.split('\t').indexOf('time');
  const tEnd = Math.max(
    ...lines
      .slice(1)
      .map((l) => Number(l.split('\t')[j]))
      .filter(Number.isFinite),
  );
  return { name, file: join(dir, xml), tEnd: tEnd > 0 ? tEnd : 100 };
}

function csvMatrix(file: string, ids: readonly string[]): number[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const cols = lines[0]!.split(',');
  const idx = ids.map((id) => cols.indexOf(id));
  const out: number[] = [];
  for (const l of lines.slice(1)) {
    const v = l.split(',').map(Number);
    for (const k of idx) out.push(k >= 0 ? v[k]! : Number.NaN);
  }
  return out;
}

interface RrRun {
  readonly load_ms: number;
  readonly sim_ms: number;
  readonly amounts: string;
}

function rr(file: string, tEnd: number, rtol: number, atol: number, tmp: string, tag: string): RrRun {
  const conc = join(tmp, `${tag}-c.csv`);
  const amounts = join(tmp, `${tag}-a.csv`);
  const out = execFileSync(RRREF, [file, String(tEnd), String(POINTS), conc, amounts], {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, RRREF_RTOL: String(rtol), RRREF_ATOL: String(atol) },
  });
  const j = JSON.parse(out.trim().split('\n').at(-1)!) as {
    ok: boolean;
    load_ms: number;
    sim_ms: number[];
    error?: string;
  };
  if (!j.ok) throw new Error(`rrref: ${j.error}`);
  return { load_ms: j.load_ms, sim_ms: Math.min(...j.sim_ms), amounts };
}

/**
 * Relative error per species (floor 1e-6 of its largest |amount| and 1e-12 of the model's largest, so that a
 * species the reference holds at exactly 0 is not judged by 1e-300), max over all.
 */
function error(y: readonly number[], ref: readonly number[], nIds: number): number {
  const scale = new Array<number>(nIds).fill(0);
  let largest = 0;
  ref.forEach((v, i) => {
    if (Number.isFinite(v)) scale[i % nIds] = Math.max(scale[i % nIds]!, Math.abs(v));
    if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  });
  let worst = 0;
  ref.forEach((r, i) => {
    if (!Number.isFinite(r)) return;
    const floor = Math.max(1e-6 * scale[i % nIds]!, 1e-12 * largest, 1e-300);
    const d = Math.abs(y[i]! - r) / Math.max(Math.abs(r), floor);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  });
  return worst;
}

function runCase(c: Case, tmp: string, log: (s: string) => void, stiff: string | null): Row[] {
  const fail = (why: string): Row[] => [
    {
      problem: `rr load ${c.name}`,
      solver: 'cscsim',
      ms: null,
      error: null,
      peer: PEER,
      peer_ms: null,
      peer_error: null,
      ratio: null,
      note: `${c.name}: ${why}`,
    },
  ];
  try {
    const ours = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(HERE, 'ours-child.ts'),
          c.file,
          String(c.tEnd),
          String(POINTS),
          String(RTOL),
          String(ATOL),
          ...(stiff !== null ? [stiff] : []),
        ],
        {
          encoding: 'utf8',
          timeout: 600_000,
          maxBuffer: 1 << 28,
        },
      ),
    ) as { load_ms: number; sim_ms: number; sim_warm_ms: number; ids: string[]; y: number[] };
    const peer = rr(c.file, c.tEnd, RTOL, ATOL, tmp, 'peer');
    const ref = rr(c.file, c.tEnd, 1e-12, 1e-14, tmp, 'ref');
    const refY = csvMatrix(ref.amounts, ours.ids);
    const errOurs = error(ours.y, refY, ours.ids.length);
    const errPeer = error(csvMatrix(peer.amounts, ours.ids), refY, ours.ids.length);
    log(
      `bench: rr ${c.name}: load ${ours.load_ms.toFixed(1)} / ${peer.load_ms.toFixed(1)} ms, simulate ${ours.sim_ms.toFixed(2)} (warm ${ours.sim_warm_ms.toFixed(3)}) / ${peer.sim_ms.toFixed(2)} ms`,
    );
    return [
      {
        problem: `rr load ${c.name}`,
        solver: 'cscsim',
        ms: ours.load_ms,
        error: null,
        peer: PEER,
        peer_ms: peer.load_ms,
        peer_error: null,
        ratio: ours.load_ms / peer.load_ms,
      },
      {
        problem: `rr simulate ${c.name}`,
        solver: stiff !== null ? `cscsim auto (${stiff})` : 'cscsim auto',
        ms: ours.sim_ms,
        error: errOurs,
        peer: PEER,
        peer_ms: peer.sim_ms,
        peer_error: errPeer,
        ratio: ours.sim_ms / peer.sim_ms,
      },
      {
        problem: `rr simulate warm ${c.name}`,
        solver: stiff !== null ? `cscsim auto (${stiff})` : 'cscsim auto',
        ms: ours.sim_warm_ms,
        error: errOurs,
        peer: PEER,
        peer_ms: peer.sim_ms,
        peer_error: errPeer,
        ratio: ours.sim_warm_ms / peer.sim_ms,
      },
    ];
  } catch (e) {
    return fail((e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200));
  }
}

/**
 * Rows `rr load X` and `rr simulate X` for every model; `only` filters by substring; `stiff` is the stiff
 * method of our `auto` (default: solve's).
 */
export function runRoadrunnerBench(
  log: (s: string) => void,
  only: readonly string[] | null = null,
  stiff: string | null = null,
): Row[] {
  if (!existsSync(RRREF)) throw new Error(`no rrref at ${RRREF}`);
  const tmp = mkdtempSync(join(tmpdir(), 'cscsim-rr-'));
  try {
    const cases: Case[] = PETAB_MODELS.map(petabCase).filter((c): c is Case => c !== null);
    for (const id of BIOMODELS) {
      const gz = join(ROOT, 'test', 'biomodels', 'corpus', `${id}.xml.gz`);
      if (!existsSync(gz)) continue;
      const file = join(tmp, `${id}.xml`);
      writeFileSync(file, gunzipSync(readFileSync(gz)));
      cases.push({ name: id, file, tEnd: 100 });
    }
    const her2 = join(tmp, 'her2csc-mcf7-fatpad.xml');
    writeFileSync(her2, exportSbml(getModel('her2csc-mcf7-fatpad')));
    cases.push({ name: 'her2csc-mcf7-fatpad', file: her2, tEnd: 90 });
    return cases
      .filter((c) => only === null || only.some((o) => c.name.includes(o)))
      .flatMap((c) => runCase(c, tmp, log, stiff));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Median and largest simulate ratio, largest load ratio, over the rows that have both sides. */
export function roadrunnerSummary(rows: readonly Row[]): string {
  const r = (prefix: string, except?: string): number[] =>
    rows
      .filter(
        (x) => x.problem.startsWith(prefix) && !(except && x.problem.startsWith(except)) && x.ratio !== null,
      )
      .map((x) => x.ratio!)
      .sort((a, b) => a - b);
  const cold = r('rr simulate ', 'rr simulate warm ');
  const warm = r('rr simulate warm ');
  const load = r('rr load ');
  if (cold.length === 0) return 'libRoadRunner: no rows';
  const med = (v: number[]): string => v[Math.floor((v.length - 1) / 2)]!.toFixed(2);
  return `libRoadRunner: ${cold.length} models; simulate ours/rr cold median ${med(cold)}, max ${cold.at(-1)!.toFixed(2)}; warm median ${med(warm)}, max ${warm.at(-1)!.toFixed(2)}; load ours/rr median ${med(load)}, max ${load.at(-1)!.toFixed(3)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--only');
  const only = i >= 0 ? process.argv[i + 1]!.split(',') : null;
  const k = process.argv.indexOf('--stiff');
  const stiff = k >= 0 ? process.argv[k + 1]! : null;
  const rows = runRoadrunnerBench((s) => process.stderr.write(`${s}\n`), only, stiff);
  process.stdout.write(`${JSON.stringify(rows, null, 1)}\n${roadrunnerSummary(rows)}\n`);
}
