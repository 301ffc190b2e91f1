/**
 * Events and dosing regimens lowered to CompiledEvents (engines/problem.ts). Model events get one root
 * function a - b per relational sub-expression of the trigger. Doses become scheduled events
 * (`fixedTimes`): a bolus adds its amount to the target; an infusion switches a zero-order input state
 * on at each start and off at each end (so the right-hand side stays smooth between `tstops`).
 */

import type { CompiledEvent } from '../../problem/types.js';
import { administrations } from '../doses.js';
import { RELATIONAL } from '../expr/ops.js';
import { walk } from '../expr/transform.js';
import type { Dose, Expr, ModelEvent } from '../types.js';
import type { FunctionBuilder } from './functions.js';
import type { Layout } from './layout.js';
import { lower, readsConcentration, symbolSlot } from './lower.js';

type Fn3<R> = (t: number, y: Float64Array, p: Float64Array) => R;

/** Root functions of a lowered trigger: each adjacent pair of every relational node, as a - b. */
function rootExprs(trigger: Expr): Expr[] {
  const roots: Expr[] = [];
  walk(trigger, (n) => {
    if (n.k === 'op' && RELATIONAL.has(n.op)) {
      for (let i = 0; i + 1 < n.args.length; i++) {
        roots.push({ k: 'op', op: 'sub', args: [n.args[i]!, n.args[i + 1]!] });
      }
    }
  });
  return roots;
}

export function compileEvent(L: Layout, fb: FunctionBuilder, ev: ModelEvent): CompiledEvent {
  const trig = lower(L, ev.trigger);
  const roots = rootExprs(trig);
  const vals = ev.assignments.map((a) => lower(L, a.math));
  const trigger = fb.compile<Fn3<boolean>>('t, y, p', `${fb.prelude([trig])}\nreturn ${fb.cond(trig)};`);
  const rootsFn = fb.compile<CompiledEvent['roots']>(
    't, y, p, out, o',
    `${fb.prelude(roots)}\n${roots.map((r, i) => `out[o + ${i}] = ${fb.num(r)};`).join('\n')}`,
  );
  const values = fb.compile<CompiledEvent['values']>(
    't, y, p, vals',
    `${fb.prelude(vals)}\n${vals.map((v, i) => `vals[${i}] = ${fb.num(v)};`).join('\n')}`,
  );
  // A concentration converts to an amount with the compartment size from before this event's assignments,
  // as the SBML Test Suite requires (cases 01779/01780: species and its compartment assigned together).
  const plain: string[] = [];
  const conc: { i: number; k: number; size: Expr }[] = [];
  ev.assignments.forEach((a, k) => {
    const i = L.stateIndex.get(a.variable)!;
    if (L.syms.get(a.variable)!.kind === 'species' && readsConcentration(L, a.variable)) {
      conc.push({ i, k, size: symbolSlot(L, L.species.get(a.variable)!.compartment) });
    } else plain.push(`y[${i}] = vals[${k}];`);
  });
  const convert = conc.map((c) => `y[${c.i}] = vals[${c.k}] * ${fb.num(c.size)};`);
  const assign = fb.compile<CompiledEvent['assign']>(
    't, y, p, vals',
    [fb.prelude(conc.map((c) => c.size)), ...convert, ...plain].join('\n'),
  );
  const event: CompiledEvent = {
    id: ev.id,
    trigger,
    nRoots: roots.length,
    roots: rootsFn,
    initialValue: ev.initialValue ?? true,
    persistent: ev.persistent ?? true,
    useValuesFromTriggerTime: ev.useValuesFromTriggerTime ?? true,
    nAssign: vals.length,
    values,
    assign,
  };
  const extra: { delay?: Fn3<number>; priority?: Fn3<number> } = {};
  if (ev.delay !== undefined) {
    const d = lower(L, ev.delay);
    extra.delay = fb.compile<Fn3<number>>('t, y, p', `${fb.prelude([d])}\nreturn ${fb.num(d)};`);
  }
  if (ev.priority !== undefined) {
    const q = lower(L, ev.priority);
    extra.priority = fb.compile<Fn3<number>>('t, y, p', `${fb.prelude([q])}\nreturn ${fb.num(q)};`);
  }
  return { ...event, ...extra };
}

/** Administration times and amounts of a regimen (model/doses.ts expands it). */
export function doseSchedule(d: Dose): { times: number[]; amounts: number[] } {
  const a = administrations(d);
  return { times: a.map((x) => x.t), amounts: a.map((x) => x.amount) };
}

/** A scheduled event adding `delta(vals)` to y[i] at each of `times`. */
function scheduled(
  id: string,
  times: number[],
  i: number,
  value: number,
  snapToZero: boolean,
): CompiledEvent {
  const fixedTimes = Float64Array.from(times).sort();
  return {
    id,
    trigger: (t) => t >= fixedTimes[0]!,
    nRoots: 0,
    roots: () => {},
    fixedTimes,
    initialValue: false,
    persistent: true,
    useValuesFromTriggerTime: true,
    nAssign: 1,
    values: (_t, _y, _p, vals) => {
      vals[0] = value;
    },
    assign: (_t, y, _p, vals) => {
      const v = y[i]! + vals[0]!;
      // switching an infusion off: cancel round-off so the input is exactly zero again
      y[i] = snapToZero && Math.abs(v) <= 1e-12 * Math.abs(vals[0]!) ? 0 : v;
    },
  };
}

/** Groups administrations by amount: one scheduled event per distinct amount. */
function byAmount(times: number[], amounts: number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  times.forEach((t, k) => {
    const a = amounts[k]!;
    const g = groups.get(a);
    if (g === undefined) groups.set(a, [t]);
    else g.push(t);
  });
  return groups;
}

/** Scheduled events for all doses, and the infusion switch times (tstops). */
export function compileDoses(L: Layout): { events: CompiledEvent[]; tstops: number[] } {
  const events: CompiledEvent[] = [];
  const tstops: number[] = [];
  for (const d of L.model.doses ?? []) {
    const { times, amounts } = doseSchedule(d);
    if (times.length === 0) continue;
    const groups = [...byAmount(times, amounts)];
    const suffix = (g: number): string => (groups.length > 1 ? `[${g}]` : '');
    if (d.route === 'bolus') {
      const i = L.stateIndex.get(d.target)!;
      groups.forEach(([a, ts], g) => {
        events.push(scheduled(`${d.id}${suffix(g)}`, ts, i, a, false));
      });
    } else {
      const r = L.stateIndex.get(d.id)!;
      const dur = d.duration!;
      groups.forEach(([a, ts], g) => {
        events.push(scheduled(`${d.id}:start${suffix(g)}`, ts, r, a / dur, false));
        events.push(
          scheduled(
            `${d.id}:end${suffix(g)}`,
            ts.map((t) => t + dur),
            r,
            -a / dur,
            true,
          ),
        );
        for (const t of ts) tstops.push(t, t + dur);
      });
    }
  }
  return { events, tstops };
}
