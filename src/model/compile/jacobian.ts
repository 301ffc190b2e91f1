/**
 * The analytic Jacobian J = d f / d y as generated code, by the chain rule through the work slots
 * (forward-mode symbolic differentiation over the computational graph, as in automatic differentiation:
 * Griewank & Walther, Evaluating Derivatives, 2nd ed., SIAM 2008, ch. 3). Each assignment rule or flux
 * w_k = g_k(y, w) gets its nonzero total derivatives
 *   d w_k / d y_j = dg_k / dy_j + sum_l dg_k / dw_l * d w_l / d y_j
 * as temporaries (in an extension of the function's w array), and each row combines them the same way.
 * Compared with expanding every w into the rows, shared subexpressions are computed once and the code
 * stays small enough for the optimising JIT (the HER2 model's expanded Jacobian was 160 kB of source).
 *
 * Zeros: entries not structurally nonzero are written as explicit zeros when they are few; otherwise J is
 * zeroed only when the function sees a buffer other than the one it zeroed last (see Problem.jac).
 */
import { derivative } from '../expr/derivative.js';
import { simplify } from '../expr/simplify.js';
import { collectIds, exprSize } from '../expr/transform.js';
import type { Expr } from '../types.js';
import type { FunctionBuilder } from './functions.js';

/** Largest Jacobian code (total nodes) we generate; beyond it engines use finite differences. */
const MAX_JAC_NODES = 200_000;
/** Up to this many structural zeros are written explicitly on every call (no per-buffer state). */
const MAX_EXPLICIT_ZEROS = 64;

export interface JacobianCode {
  /** Statements declared once, outside the generated function (per-buffer state). */
  readonly outer: string;
  readonly body: string;
  /** Length of the w array the body needs (work slots plus derivative temporaries). */
  readonly nW: number;
  /** Structural nonzeros, row-major rows x cols: 1 where the code writes a derivative. */
  readonly pattern: Uint8Array;
}

const id = (s: string): Expr => ({ k: 'id', id: s });
const isZero = (e: Expr): boolean => e.k === 'num' && e.v === 0;
const slotsOf = (e: Expr, prefix: '#y' | '#p' | '#w'): number[] =>
  [...collectIds(e)].filter((s) => s.startsWith(prefix)).map((s) => Number(s.slice(2)));

/**
 * Code for jac(t, y, p, J), or null when some derivative is not symbolic (or the code would be huge).
 * `wrt` differentiates by another slot family: '#p' with cols = p.length gives d f / d p (row-major
 * n x cols), the forcing term of the forward sensitivity equations.
 */
export function jacobianCode(
  rows: readonly Expr[],
  fb: FunctionBuilder,
  n: number,
  wrt: { readonly prefix: '#y' | '#p'; readonly cols: number } = { prefix: '#y', cols: n },
): JacobianCode | null {
  const cols = wrt.cols;
  const nW = fb.wDefs.length;
  /** Nonzero total derivatives d w_k / d y_j, each a number, a slot id or a temporary's id. */
  const dW: (Map<number, Expr> | undefined)[] = new Array(nW);
  const lines: string[] = [];
  let size = 0;
  let nTemp = 0;

  const temps = new Map<string, Expr>();
  const emitted: Expr[] = [];
  /** A number or slot as is; anything else becomes a temporary (identical code shares one). */
  const temp = (d: Expr): Expr | null => {
    if (d.k === 'num' || d.k === 'id') return d;
    size += exprSize(d);
    if (size > MAX_JAC_NODES) return null;
    const src = fb.num(d);
    let t = temps.get(src);
    if (t === undefined) {
      emitted.push(d);
      const slot = nW + nTemp++;
      lines.push(`w[${slot}] = ${src};`);
      t = id(`#w${slot}`);
      temps.set(src, t);
    }
    return t;
  };

  /** Total derivatives of g(y, w) by every y it reaches, each a number, slot or temporary; null when not symbolic. */
  const totals = (g: Expr): Map<number, Expr> | null => {
    const terms = new Map<number, Expr[]>();
    const add = (j: number, t: Expr): void => {
      const list = terms.get(j);
      if (list === undefined) terms.set(j, [t]);
      else list.push(t);
    };
    for (const j of slotsOf(g, wrt.prefix)) {
      const d = derivative(g, `${wrt.prefix}${j}`);
      const t = d === null ? null : temp(simplify(d));
      if (t === null) return null;
      add(j, t);
    }
    for (const l of slotsOf(g, '#w')) {
      if ((dW[l]?.size ?? 0) === 0) continue;
      const d = derivative(g, `#w${l}`);
      if (d === null) return null;
      const dg = simplify(d);
      if (isZero(dg)) continue;
      const t = temp(dg);
      if (t === null) return null;
      for (const [j, dl] of dW[l]!) add(j, { k: 'op', op: 'mul', args: [t, dl] });
    }
    const out = new Map<number, Expr>();
    for (const j of [...terms.keys()].sort((a, b) => a - b)) {
      const list = terms.get(j)!;
      const d = simplify(list.length === 1 ? list[0]! : { k: 'op', op: 'add', args: list });
      if (!isZero(d)) out.set(j, d);
    }
    return out;
  };

  const need = neededSlots(rows, fb);
  for (const k of fb.order) {
    if (!need.has(k)) continue;
    const t = totals(fb.wDefs[k]!);
    if (t === null) return null;
    for (const [j, d] of t) {
      const x = temp(d);
      if (x === null) return null;
      t.set(j, x);
    }
    dW[k] = t;
  }

  const entries: string[] = [];
  const nonzero = new Uint8Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const t = totals(rows[i]!);
    if (t === null) return null;
    for (const [j, d] of t) {
      size += exprSize(d);
      if (size > MAX_JAC_NODES) return null;
      nonzero[i * cols + j] = 1;
      emitted.push(d);
      entries.push(`J[${i * cols + j}] = ${fb.num(d)};`);
    }
  }

  const zeros: number[] = [];
  for (let q = 0; q < rows.length * cols; q++) if (nonzero[q] === 0) zeros.push(q);
  let outer = '';
  let zeroing: string;
  if (zeros.length <= MAX_EXPLICIT_ZEROS) zeroing = zeros.map((q) => `J[${q}] = 0;`).join('\n');
  else {
    outer = 'let zeroed = null;';
    zeroing = 'if (J !== zeroed) { J.fill(0); zeroed = J; }';
  }
  // Only the work slots the emitted code reads (temporaries are computed by the lines themselves).
  const reads: Expr[] = [];
  for (const e of emitted) for (const k of slotsOf(e, '#w')) if (k < nW) reads.push(id(`#w${k}`));
  const body = [fb.prelude(reads), ...lines, zeroing, ...entries].filter((s) => s !== '').join('\n');
  return { outer, body, nW: nW + nTemp, pattern: nonzero };
}

/** Work slots the rows reach (through every reference, delay arguments included). */
function neededSlots(rows: readonly Expr[], fb: FunctionBuilder): Set<number> {
  const need = new Set<number>();
  const stack: number[] = [];
  for (const r of rows) stack.push(...slotsOf(r, '#w'));
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (need.has(k)) continue;
    need.add(k);
    stack.push(...slotsOf(fb.wDefs[k]!, '#w'));
  }
  return need;
}
