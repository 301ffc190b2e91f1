/**
 * Simulators by name, for problem files: test simulators with closed-form posteriors, and the HER2 model
 * (`her2-ode`), and the paper's claims C1-C8 under a hypothesis variant (`her2-claims`).
 */
import { InputError } from '../../errors.js';
import { birthDeath } from './birthDeath.js';
import { geometricCounts, poissonCounts } from './counts.js';
import { her2Ode } from './her2.js';
import { her2Claims } from './her2Claims.js';
import { her2Evidence } from './her2Evidence.js';
import { normalMean } from './normal.js';
import type { SimulatorDefinition } from './types.js';

export type { Simulator, SimulatorDefinition, SimulatorParameter } from './types.js';

const registry = new Map<string, SimulatorDefinition>();

/**
 * Adds a simulator under its name. Worker threads import this module afresh, so a simulator used with
 * more than one worker must be registered by a module the worker also loads (the built-ins are).
 */
export function registerSimulator(def: SimulatorDefinition): void {
  if (registry.has(def.name)) throw new Error(`simulator '${def.name}' is already registered`);
  registry.set(def.name, def);
}

export function getSimulator(name: string, path: string, file?: string): SimulatorDefinition {
  const def = registry.get(name);
  if (!def)
    throw new InputError(
      `unknown simulator '${name}' (known: ${[...registry.keys()].join(', ')})`,
      file ? { file, path } : { path },
    );
  return def;
}

export function simulatorNames(): string[] {
  return [...registry.keys()];
}

for (const d of [normalMean, poissonCounts, geometricCounts, birthDeath, her2Ode, her2Claims, her2Evidence])
  registerSimulator(d);
