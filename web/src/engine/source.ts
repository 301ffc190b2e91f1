/**
 * Loading a model for the page: a built-in model by id, or a file's text (SBML .xml/.sbml or model JSON),
 * with the checks and messages of the CLI's loadModel (src/io/load-model.ts) - file, path, what was
 * expected - but from text instead of a path, so it runs in a browser.
 */

import { modelFromText } from '../../../src/io/model-text.js';
import type { CompiledProblem } from '../../../src/model/compile.js';
import { compile } from '../../../src/model/compile.js';
import type { Model } from '../../../src/model/types.js';
import { getModel, modelIds } from '../../../src/models/index.js';
import type { Problem } from '../../../src/problem/types.js';
import type { ModelInfo, ModelSource } from './protocol.js';

/** The model value of a source and its import warnings; errors are InputErrors naming the file. */
export function readSource(source: ModelSource): { model: Model; warnings: string[] } {
  if (source.kind === 'builtin') return { model: getModel(source.id), warnings: [] };
  return modelFromText(source.text, source.name);
}

/** Parameters a user may set: in the parameter vector and not computed by a rule or initial assignment. */
export function editableParams(model: Model, problem: Problem): string[] {
  const computed = new Set<string>();
  for (const r of model.rules ?? []) if (r.kind !== 'algebraic') computed.add(r.variable);
  for (const a of model.initialAssignments ?? []) computed.add(a.variable);
  return model.parameters
    .filter((p) => problem.paramIndex.has(p.id) && !computed.has(p.id) && p.constant !== false)
    .map((p) => p.id);
}

/** FNV-1a hash of a text (tells two files of the same name apart in the compile cache). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

export function sourceKey(source: ModelSource): string {
  return source.kind === 'builtin' ? `builtin:${source.id}` : `file:${source.name}:${hash(source.text)}`;
}

/** Reads, validates and compiles a source; returns what the page shows and the compiled problem. */
export function loadSource(source: ModelSource): { info: ModelInfo; problem: CompiledProblem } {
  const { model, warnings } = readSource(source);
  const problem = compile(model);
  return {
    info: {
      key: sourceKey(source),
      model,
      outputIds: problem.outputIds,
      editable: editableParams(model, problem),
      warnings,
      builtins: modelIds,
    },
    problem,
  };
}
