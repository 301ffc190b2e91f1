/** JSON model files: parsing, shape checks and saving (json-model.ts, browser-safe), re-exported. */
export { loadModelJson, saveModelJson } from './json-model.js';
