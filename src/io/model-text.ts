/**
 * A model from a file's text, by the file's name (SBML .xml/.sbml or model JSON), validated so that
 * consistency errors name the file. No file system: the CLI's loadModel (load-model.ts) reads the file
 * and the web app passes an uploaded file's text, so both give the same model and the same messages.
 */
import { InputError, ModelError } from '../errors.js';
import type { Model } from '../model/types.js';
import { validate } from '../model/validate.js';
import { loadModelJson } from './json-model.js';
import { importSbmlDetailed } from './sbml/import.js';

export const SBML_NAME = /\.(xml|sbml)$/i;
export const JSON_NAME = /\.json$/i;

/** Model and import warnings (each prefixed with the file name); InputError/ModelError name the file. */
export function modelFromText(text: string, name: string): { model: Model; warnings: string[] } {
  if (SBML_NAME.test(name)) {
    const { model, warnings } = importSbmlDetailed(text, name);
    return { model: validated(model, name), warnings: warnings.map((w) => `${name}: ${w}`) };
  }
  if (JSON_NAME.test(name)) return { model: validated(loadModelJson(text, name), name), warnings: [] };
  throw new InputError('unrecognised model file type: expected .json, .xml or .sbml', { file: name });
}

/** Validates a model read from a file so that consistency errors name the file too. */
export function validated(model: Model, file: string): Model {
  try {
    validate(model);
  } catch (e) {
    if (e instanceof ModelError && e.file === undefined) throw new ModelError(e.message, { file });
    throw e;
  }
  return model;
}
