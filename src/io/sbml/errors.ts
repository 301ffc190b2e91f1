/** Errors specific to SBML input. */
import { InputError } from '../../errors.js';

/**
 * Valid SBML that uses something cscsim does not implement: an SBML package (comp, fbc, layout, ...),
 * an unsupported level, or a construct such as a distrib distribution without an engine counterpart.
 * `feature` is a short tag (the package prefix such as `comp`, or a construct name) for grouping reports.
 */
export class UnsupportedError extends InputError {
  override readonly name: string = 'UnsupportedError';
  readonly feature: string;
  constructor(feature: string, message: string, where: { file?: string; path?: string } = {}) {
    super(message, where);
    this.feature = feature;
  }
}
