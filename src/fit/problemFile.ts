/**
 * Problem files: YAML (.yaml, .yml) or JSON, holding a problem (problem.ts) and optionally an `abc:` section
 * of algorithm settings (particles, seed, alpha, zeta, targetEpsilon, minAcceptance, maxGenerations,
 * maxEvaluations) that command-line options override. Every error names the file and the path inside it.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { type AbcSettings, SETTING_KEYS } from './abc/checkpoint.js';
import { type ProblemSpec, parseProblem, resolveProblem } from './problem.js';

export interface ProblemFile {
  readonly spec: ProblemSpec;
  readonly settings: Partial<AbcSettings>;
}

/** Parses problem text; `file` names it in errors (its extension picks JSON or YAML). */
export function problemFromText(text: string, file: string): ProblemFile {
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(
      `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e instanceof Error ? e.message : e}`,
      { file },
    );
  }
  const settings: Record<string, number> = {};
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'abc' in data) {
    const { abc, ...rest } = data as Record<string, unknown>;
    data = rest;
    if (typeof abc !== 'object' || abc === null || Array.isArray(abc))
      throw new InputError('expected a mapping of settings', { file, path: 'abc' });
    for (const [k, v] of Object.entries(abc)) {
      if (!SETTING_KEYS.includes(k as keyof AbcSettings))
        throw new InputError(`unknown setting '${k}' (expected ${SETTING_KEYS.join(', ')})`, {
          file,
          path: `abc.${k}`,
        });
      if (typeof v !== 'number' || Number.isNaN(v))
        throw new InputError(`expected a number, got ${JSON.stringify(v)}`, { file, path: `abc.${k}` });
      settings[k] = v;
    }
  }
  const spec = parseProblem(data, file);
  try {
    resolveProblem(spec); // simulator options and statistics, checked once here to name the file
  } catch (e) {
    if (e instanceof InputError && e.file === undefined) throw new InputError(e.message, { file });
    throw e;
  }
  return { spec, settings };
}

export function loadProblemFile(file: string): ProblemFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the problem file (${e instanceof Error ? e.message : e})`, { file });
  }
  return problemFromText(text, file);
}
