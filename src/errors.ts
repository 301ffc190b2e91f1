/**
 * Errors with a place. Every error a user can cause says where (file, path inside it) and what was expected;
 * the CLI maps InputError to exit code 2 and SolverError to exit code 1.
 */

/** Bad input: a malformed file, an unknown identifier, an invalid value. CLI exit code 2. */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  /** File the problem is in, when known. */
  readonly file?: string;
  /** Path inside the file or model, e.g. `reactions[2].rate` or `/sbml/model/listOfSpecies/species[@id='S1']`. */
  readonly path?: string;
  constructor(message: string, where: { file?: string; path?: string } = {}) {
    const prefix = [where.file, where.path].filter(Boolean).join(': ');
    super(prefix ? `${prefix}: ${message}` : message);
    this.file = where.file;
    this.path = where.path;
  }
}

/** A model that is well-formed data but inconsistent (unknown id, cycle in rules, NaN value). Exit code 2. */
export class ModelError extends InputError {
  override readonly name: string = 'ModelError';
}

/** A simulation that could not be completed (step-size underflow, too many steps, NaN). CLI exit code 1. */
export class SolverError extends Error {
  override readonly name: string = 'SolverError';
  /** Time at which the failure happened. */
  readonly t: number;
  /** Id of the offending state component, when one can be named. */
  readonly stateId?: string;
  constructor(message: string, t: number, stateId?: string) {
    super(`${message} at t = ${t}${stateId !== undefined ? ` (state '${stateId}')` : ''}`);
    this.t = t;
    this.stateId = stateId;
  }
}

/** Bad command-line usage: an unknown option, a missing or malformed value. Exit code 2. */
export class UsageError extends InputError {
  override readonly name: string = 'UsageError';
}

/**
 * Valid input that uses something cscsim does not implement: an SBML package (comp, fbc, layout, ...),
 * an unsupported level, or a construct such as a distrib distribution without an engine counterpart.
 * `feature` is a short tag (the package prefix such as `comp`, or a construct name) for grouping reports.
 * Exit code 2.
 */
export class UnsupportedError extends InputError {
  override readonly name: string = 'UnsupportedError';
  readonly feature: string;
  constructor(feature: string, message: string, where: { file?: string; path?: string } = {}) {
    super(message, where);
    this.feature = feature;
  }
}
