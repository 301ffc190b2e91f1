/** Small model values for SSA tests, written as plain data (Expr trees) so they need no parser. */
import type { Expr, Model, Reaction } from '../../src/model/types.js';

export const id = (x: string): Expr => ({ k: 'id', id: x });
export const num = (v: number): Expr => ({ k: 'num', v });
export const mul = (...args: Expr[]): Expr => ({ k: 'op', op: 'mul', args });

function rx(rid: string, reactants: [string, number][], products: [string, number][], rate: Expr): Reaction {
  return {
    id: rid,
    reactants: reactants.map(([species, stoichiometry]) => ({ species, stoichiometry })),
    products: products.map(([species, stoichiometry]) => ({ species, stoichiometry })),
    rate,
  };
}

function param(pid: string, value: number) {
  return { id: pid, value, unit: '1/day', source: 'assumed: test' };
}

/** Linear birth-death: X -> 2X at b X, X -> 0 at d X (DSMTS 001 style). */
export function birthDeath(x0: number, b: number, d: number): Model {
  return {
    id: 'birth_death',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'X', compartment: 'c', initial: x0, hasOnlySubstanceUnits: true }],
    parameters: [param('b', b), param('d', d)],
    reactions: [
      rx('birth', [['X', 1]], [['X', 2]], mul(id('b'), id('X'))),
      rx('death', [['X', 1]], [], mul(id('d'), id('X'))),
    ],
  };
}

/** Immigration-death: 0 -> X at alpha, X -> 0 at mu X; stationary Poisson(alpha / mu). */
export function immigrationDeath(x0: number, alpha: number, mu: number, events: Model['events'] = []): Model {
  return {
    id: 'immigration_death',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'X', compartment: 'c', initial: x0, hasOnlySubstanceUnits: true }],
    parameters: [param('alpha', alpha), param('mu', mu)],
    reactions: [
      rx('immig', [], [['X', 1]], id('alpha')),
      rx('death', [['X', 1]], [], mul(id('mu'), id('X'))),
    ],
    events,
  };
}

/** Dimerisation A + A -> B at k A (A - 1) / 2 (second order, for tau-leap HOR). */
export function dimerisation(a0: number, k: number): Model {
  const rate: Expr = mul(num(0.5), id('k'), id('A'), { k: 'op', op: 'sub', args: [id('A'), num(1)] });
  return {
    id: 'dimer',
    compartments: [{ id: 'c', size: 1 }],
    species: [
      { id: 'A', compartment: 'c', initial: a0, hasOnlySubstanceUnits: true },
      { id: 'B', compartment: 'c', initial: 0, hasOnlySubstanceUnits: true },
    ],
    parameters: [param('k', k)],
    reactions: [rx('dimer', [['A', 2]], [['B', 1]], rate)],
  };
}

/** Many independent decays X_i -> 0 (exercises the sum-tree selection). */
export function manyDecays(count: number, x0: number, k: number): Model {
  return {
    id: 'many',
    compartments: [{ id: 'c', size: 1 }],
    species: Array.from({ length: count }, (_, i) => ({
      id: `X${i}`,
      compartment: 'c',
      initial: x0,
      hasOnlySubstanceUnits: true,
    })),
    parameters: Array.from({ length: count }, (_, i) => param(`k${i}`, k * (1 + i / count))),
    reactions: Array.from({ length: count }, (_, i) =>
      rx(`d${i}`, [[`X${i}`, 1]], [], mul(id(`k${i}`), id(`X${i}`))),
    ),
  };
}
