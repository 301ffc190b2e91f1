/**
 * One entry point for every way a user names a model: a JSON model file, an SBML file (.xml/.sbml)
 * or the id of a built-in model. Errors are InputErrors naming the file (CLI exit code 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Model } from '../model/types.js';
import { getModel, modelIds } from '../models/index.js';
import { JSON_NAME, modelFromText, SBML_NAME } from './model-text.js';

/** `onWarning` receives import warnings (SBML) naming the file, one line each. */
export function loadModel(ref: string, options: { onWarning?: (message: string) => void } = {}): Model {
  if (SBML_NAME.test(ref) || JSON_NAME.test(ref)) {
    let text: string;
    try {
      text = readFileSync(ref, 'utf8');
    } catch (e) {
      const what = SBML_NAME.test(ref) ? 'SBML file' : 'file';
      throw new InputError(`cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
        file: ref,
      });
    }
    const { model, warnings } = modelFromText(text, ref);
    for (const w of warnings) options.onWarning?.(w);
    return model;
  }
  if (modelIds.includes(ref)) return getModel(ref);
  if (existsSync(ref))
    throw new InputError('unrecognised model file type: expected .json, .xml or .sbml', { file: ref });
  throw new InputError(
    `no such model file or built-in model '${ref}' (built-in: ${modelIds.slice(0, 6).join(', ')}, ...; ` +
      "see 'cscsim models')",
  );
}
