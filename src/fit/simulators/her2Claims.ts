/**
 * `her2-claims`: the paper's claims C1-C8 as a calibration simulator. Option `variant`: a hypothesis id of
 * src/paper/hypotheses.ts (default 'hierarchy'). The statistics `C1`..`C8` are the claims' cheap statistics
 * (claim.statistic, the numbers their criteria judge) under that variant's model; the parameters are the
 * variant's ranged mouse-side parameters (presetParams with its options), with default priors uniform over
 * their ranges. A parameter that a cell line's or the bone site's preset overrides is its own parameter
 * there, `id@LINE` (e.g. `her2Base@ZR75-1`) or `rankl@bone`; the bare id is the shared value of every line
 * that keeps the default. Unestimated parameters keep their preset values. Deterministic (the stream is not
 * used); a failed simulation writes NaN, which ABC-SMC counts and never accepts.
 */
import { InputError } from '../../errors.js';
import { type CellLine, cellLines, linePresets, presetParams, type Site } from '../../models/index.js';
import { sitePresets } from '../../models/presets.js';
import { hypotheses, hypothesis, hypothesisStatistics } from '../../paper/hypotheses.js';
import { checkKnownOptions } from './options.js';
import type { SimulatorDefinition, SimulatorParameter } from './types.js';

const STATISTICS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'];

function variantOf(options: Readonly<Record<string, unknown>>, path: string) {
  const id = options.variant ?? 'hierarchy';
  const h = typeof id === 'string' ? hypothesis(id) : undefined;
  if (!h)
    throw new InputError(
      `unknown variant ${JSON.stringify(id)} (known: ${hypotheses.map((x) => x.id).join(', ')})`,
      { path: `${path}.variant` },
    );
  return h;
}

/** Where a parameter's value goes: its spec id, and the lines (and site) it sets. */
interface Target {
  readonly param: SimulatorParameter;
  readonly id: string;
  readonly lines: readonly CellLine[];
  readonly bone: boolean;
}

function targets(h: ReturnType<typeof variantOf>): Target[] {
  const out: Target[] = [];
  const shared = new Map<
    string,
    { range: readonly [number, number]; description: string; lines: CellLine[] }
  >();
  for (const line of cellLines)
    for (const s of presetParams(line, h.model)) {
      if (!(s.range[1] > s.range[0])) continue;
      if (linePresets[line].overrides[s.id]) {
        const param = { id: `${s.id}@${line}`, range: s.range, description: `${s.description} (${line})` };
        out.push({ param, id: s.id, lines: [line], bone: false });
      } else {
        const e = shared.get(s.id) ?? { range: s.range, description: s.description, lines: [] };
        e.lines.push(line);
        shared.set(s.id, e);
      }
    }
  for (const [id, e] of shared)
    out.push({ param: { id, range: e.range, description: e.description }, id, lines: e.lines, bone: false });
  for (const [id, o] of Object.entries(sitePresets.bone))
    if (o.range && o.range[1] > o.range[0])
      out.push({
        param: { id: `${id}@bone`, range: o.range, description: `${id} in bone (${o.source})` },
        id,
        lines: [...cellLines],
        bone: true,
      });
  return out;
}

export const her2Claims: SimulatorDefinition = {
  name: 'her2-claims',
  description:
    'HER2-CSC claims C1-C8: the statistics their criteria judge, under a hypothesis variant (option variant)',
  parameters(options, path) {
    return targets(variantOf(options, path)).map((t) => t.param);
  },
  create(ids, options, path) {
    checkKnownOptions(options, ['variant'], path);
    const h = variantOf(options, path);
    const all = new Map(targets(h).map((t) => [t.param.id, t]));
    const chosen = ids.map((id) => {
      const t = all.get(id);
      if (!t) throw new InputError(`unknown parameter '${id}' of the HER2 claims`, { path });
      return t;
    });
    return {
      statistics: STATISTICS,
      simulate(theta, _rng, out) {
        const memo = new Map<string, Record<string, number>>();
        // A fresh ParamSet per candidate: the claims cache their shared runs on it.
        const set = (line: CellLine, site: Site = 'fatpad'): Readonly<Record<string, number>> => {
          const key = `${line}:${site}`;
          let v = memo.get(key);
          if (!v) {
            const w: Record<string, number> = {};
            // Line values first, then bone's own (rankl@bone replaces the fat-pad rankl there).
            for (const bone of [false, true])
              chosen.forEach((t, k) => {
                if (t.bone === bone && (bone ? site === 'bone' : t.lines.includes(line))) w[t.id] = theta[k]!;
              });
            v = w;
            memo.set(key, v);
          }
          return v;
        };
        hypothesisStatistics(h, set, out);
      },
    };
  },
};
