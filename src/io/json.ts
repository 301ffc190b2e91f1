/**
 * JSON model files: reading a file (Node only). Parsing, shape checks and saving are in json-model.ts
 * (browser-safe, used by the web app) and re-exported here.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Model } from '../model/types.js';
import { loadModelJson } from './json-model.js';

export { loadModelJson, saveModelJson } from './json-model.js';

/** Reads a JSON model file. */
export function readModelFile(path: string): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read file: ${(e as Error).message}`, { file: path });
  }
  return loadModelJson(text, path);
}
