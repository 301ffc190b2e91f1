/**
 * The view state in the URL hash, as `key=value` pairs joined by `&`:
 *
 *   model=her2csc-bt474-fatpad & p.lambdaS=0.5 & dose=1,10,3.5,20 & t=90 & n=181 & engine=tau-leap &
 *   runs=200 & seed=7 & round=0 & cont=Ab_c,Ab_p & thr=500 & out=V,S & y=linear & timing=1
 *
 * `dose` is start,dose,every,count[,loading] or `none`; `cont` (hybrid continuous species) is a list of
 * ids or `none`, absent for the model's default. Keys equal to the default are left out, so a short
 * URL is the default view. Numbers are written in their shortest round-trip form, so a decoded URL gives
 * the same doubles and the same run. Decoding never throws: unknown keys are ignored with a warning, bad
 * values are rejected with an error and the default is kept.
 */
import { DEFAULT_VIEW, ENGINES, type Engine, type Regimen, type ViewState } from './state.js';
import { parseDecimal, regimenError, type SettingKey, settingError } from './validate.js';

const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MODEL_ID = /^[A-Za-z0-9_.-]+$/;

function enc(v: string): string {
  return encodeURIComponent(v).replace(/%2C/gi, ',');
}

function num(v: number): string {
  return String(v);
}

function regimenText(r: Regimen | null): string {
  if (r === null) return 'none';
  const parts = [r.start, r.dose, r.every, r.count];
  if (r.loading !== undefined) parts.push(r.loading);
  return parts.map(num).join(',');
}

/** The state as a hash string (without '#'). */
export function encodeView(s: ViewState): string {
  const d = DEFAULT_VIEW;
  const kv: [string, string][] = [];
  if (s.model !== d.model) kv.push(['model', s.model]);
  for (const id of Object.keys(s.params).sort()) kv.push([`p.${id}`, num(s.params[id]!)]);
  if (s.regimen !== undefined) kv.push(['dose', regimenText(s.regimen)]);
  if (s.tEnd !== d.tEnd) kv.push(['t', num(s.tEnd)]);
  if (s.points !== d.points) kv.push(['n', num(s.points)]);
  if (s.engine !== d.engine) kv.push(['engine', s.engine]);
  if (s.runs !== d.runs) kv.push(['runs', num(s.runs)]);
  if (s.seed !== d.seed) kv.push(['seed', num(s.seed)]);
  if (s.round !== d.round) kv.push(['round', s.round ? '1' : '0']);
  if (s.continuous !== undefined)
    kv.push(['cont', s.continuous.length > 0 ? s.continuous.join(',') : 'none']);
  if (s.threshold !== d.threshold) kv.push(['thr', num(s.threshold)]);
  if (s.outputs.length > 0) kv.push(['out', s.outputs.join(',')]);
  if (s.yScale !== d.yScale) kv.push(['y', s.yScale]);
  if (s.timing !== d.timing) kv.push(['timing', s.timing ? '1' : '0']);
  return kv.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

export interface DecodedView {
  readonly state: ViewState;
  /** Unknown keys (ignored). */
  readonly warnings: string[];
  /** Bad values (rejected; the default is kept). */
  readonly errors: string[];
}

function parseRegimen(v: string): Regimen | null | string {
  if (v === 'none') return null;
  const parts = v.split(',');
  if (parts.length !== 4 && parts.length !== 5)
    return `dose: expected start,dose,every,count[,loading] or none, got '${v}'`;
  const xs = parts.map(parseDecimal);
  if (xs.some((x) => x === undefined)) return `dose: expected numbers, got '${v}'`;
  const [start, dose, every, count, loading] = xs as number[];
  const r: Regimen = {
    start: start!,
    dose: dose!,
    every: every!,
    count: count!,
    ...(xs.length === 5 ? { loading } : {}),
  };
  return regimenError(r) ?? r;
}

/** Reads a hash (with or without '#'). */
export function decodeView(hash: string): DecodedView {
  const warnings: string[] = [];
  const errors: string[] = [];
  const s: { -readonly [K in keyof ViewState]: ViewState[K] } = { ...DEFAULT_VIEW, params: {} };
  const params: Record<string, number> = {};
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const setting = (key: SettingKey, raw: string, set: (v: number) => void, label: string): void => {
    const v = parseDecimal(raw);
    const e = v === undefined ? `${label}: expected a number, got '${raw}'` : settingError(key, v);
    if (e) errors.push(e);
    else set(v!);
  };
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let k: string;
    let v: string;
    try {
      k = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      v = decodeURIComponent(eq < 0 ? '' : pair.slice(eq + 1));
    } catch {
      errors.push(`malformed URL component '${pair}'`);
      continue;
    }
    if (k.startsWith('p.')) {
      const id = k.slice(2);
      const x = parseDecimal(v);
      if (!ID.test(id)) errors.push(`parameter '${id}': not a valid id`);
      else if (x === undefined) errors.push(`parameter ${id}: expected a number, got '${v}'`);
      else params[id] = x;
      continue;
    }
    switch (k) {
      case 'model':
        if (MODEL_ID.test(v)) s.model = v;
        else errors.push(`model: not a model id: '${v}'`);
        break;
      case 'dose': {
        const r = parseRegimen(v);
        if (typeof r === 'string') errors.push(r);
        else s.regimen = r;
        break;
      }
      case 't':
        setting('tEnd', v, (x) => (s.tEnd = x), 't');
        break;
      case 'n':
        setting('points', v, (x) => (s.points = x), 'n');
        break;
      case 'runs':
        setting('runs', v, (x) => (s.runs = x), 'runs');
        break;
      case 'seed':
        setting('seed', v, (x) => (s.seed = x), 'seed');
        break;
      case 'thr':
        setting('threshold', v, (x) => (s.threshold = x), 'thr');
        break;
      case 'cont': {
        const ids = v === 'none' ? [] : [...new Set(v.split(',').filter((x) => x !== ''))];
        const bad = ids.filter((x) => !ID.test(x));
        if (bad.length > 0) errors.push(`cont: not valid ids: ${bad.join(', ')}`);
        else if (ids.length === 0 && v !== 'none')
          errors.push(`cont: expected species ids or none, got '${v}'`);
        else s.continuous = ids;
        break;
      }
      case 'engine':
        if ((ENGINES as readonly string[]).includes(v)) s.engine = v as Engine;
        else errors.push(`engine: expected one of ${ENGINES.join(', ')}, got '${v}'`);
        break;
      case 'round':
      case 'timing':
        if (v === '0' || v === '1') s[k] = v === '1';
        else errors.push(`${k}: expected 0 or 1, got '${v}'`);
        break;
      case 'out': {
        const ids = v.split(',').filter((x) => x !== '');
        const bad = ids.filter((x) => !ID.test(x));
        if (bad.length > 0) errors.push(`out: not valid ids: ${bad.join(', ')}`);
        else s.outputs = ids;
        break;
      }
      case 'y':
        if (v === 'log' || v === 'linear') s.yScale = v;
        else errors.push(`y: expected log or linear, got '${v}'`);
        break;
      default:
        warnings.push(`unknown URL key '${k}' ignored`);
    }
  }
  s.params = params;
  return { state: s, warnings, errors };
}
