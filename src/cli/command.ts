/** The contract every subcommand in src/cli/commands/ fulfils. */
import type { OptionSpec } from './args.js';

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** True when stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for `cscsim --help`. */
  readonly summary: string;
  /** e.g. 'cscsim simulate MODEL --t-end T [options]'. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /**
   * Runs the command; returns the exit code (0 ok, 1 the work failed). Throw InputError / UsageError for
   * bad input (exit 2) and SolverError for failed simulations (exit 1); main.ts prints them.
   */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
