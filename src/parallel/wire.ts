/**
 * Errors across a thread or process boundary. Structured clone and JSON keep no class, so an error travels
 * as its name, message and the fields our classes carry, and is rebuilt as the same class on the other
 * side: the CLI's exit code (2 for InputError and its subclasses, 1 for SolverError) and fields such as
 * SolverError.stateId survive a worker.
 */
import { InputError, ModelError, SolverError, UnsupportedError, UsageError } from '../errors.js';

/** An error as it crosses a boundary. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  /** SolverError's time and state id. */
  readonly t?: number;
  readonly stateId?: string;
  /** InputError's file and path. */
  readonly file?: string;
  readonly path?: string;
  /** UnsupportedError's feature tag. */
  readonly feature?: string;
}

const FIELDS = ['stateId', 'file', 'path', 'feature'] as const;

export function toWire(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  const src = err as unknown as Record<string, unknown>;
  const w: Record<string, unknown> = { name: err.name, message: err.message };
  if (typeof src.t === 'number') w.t = src.t;
  for (const f of FIELDS) if (typeof src[f] === 'string') w[f] = src[f];
  return w as unknown as WireError;
}

/** Sets the message and fields the constructor would have re-derived (or prefixed twice). */
function restore<E extends Error>(e: E, w: WireError, fields: readonly string[]): E {
  Object.defineProperty(e, 'message', { value: w.message, writable: true, configurable: true });
  const target = e as unknown as Record<string, unknown>;
  for (const f of fields) {
    const v = (w as unknown as Record<string, unknown>)[f];
    if (v !== undefined) Object.defineProperty(target, f, { value: v, enumerable: true });
  }
  return e;
}

/**
 * The error again, of its class when it is one of ours; any other error becomes a plain Error whose
 * message starts with `label` (e.g. 'trial worker: RangeError: ...'), so the CLI reports it as internal.
 */
export function fromWire(w: WireError, label: string): Error {
  switch (w.name) {
    case 'SolverError':
      return restore(new SolverError('', w.t ?? Number.NaN, w.stateId), w, []);
    case 'UnsupportedError':
      return restore(new UnsupportedError(w.feature ?? '', ''), w, ['file', 'path']);
    case 'UsageError':
      return restore(new UsageError(''), w, ['file', 'path']);
    case 'ModelError':
      return restore(new ModelError(''), w, ['file', 'path']);
    case 'InputError':
      return restore(new InputError(''), w, ['file', 'path']);
    default:
      return new Error(`${label}: ${w.name}: ${w.message}`);
  }
}
