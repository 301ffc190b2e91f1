/**
 * One entry point for every way a user names a model: a JSON model file, an SBML file (.xml/.sbml)
 * or the id of a built-in model. Errors are InputErrors naming the file (CLI exit code 2).
 */
import { existsSync } from 'node:fs';
import { InputError, ModelError } from '../errors.js';
import type { Model } from '../model/types.js';
import { validate } from '../model/validate.js';
import { getModel, modelIds } from '../models/index.js';
import { readModelFile } from './json.js';
import { isSbmlPath, readSbmlModel } from './sbml/index.js';

/** `onWarning` receives import warnings (SBML) naming the file, one line each. */
export function loadModel(ref: string, options: { onWarning?: (message: string) => void } = {}): Model {
  const { onWarning } = options;
  if (isSbmlPath(ref))
    return validated(
      readSbmlModel(ref, onWarning ? { onWarning: (w) => onWarning(`${ref}: ${w}`) } : {}),
      ref,
    );
  if (/\.json$/i.test(ref)) return validated(readModelFile(ref), ref);
  if (modelIds.includes(ref)) return getModel(ref);
  if (existsSync(ref))
    throw new InputError('unrecognised model file type: expected .json, .xml or .sbml', { file: ref });
  throw new InputError(
    `no such model file or built-in model '${ref}' (built-in: ${modelIds.slice(0, 6).join(', ')}, ...; ` +
      "see 'cscsim models')",
  );
}

/** Validates a model read from a file so that consistency errors name the file too. */
function validated(model: Model, file: string): Model {
  try {
    validate(model);
  } catch (e) {
    if (e instanceof ModelError && e.file === undefined) throw new ModelError(e.message, { file });
    throw e;
  }
  return model;
}
