/**
 * A small, strict argument parser: `--name value`, `--name=value`, boolean `--flag`, positionals.
 * Unknown options are usage errors (exit code 2), never silently ignored.
 */
import { UsageError } from '../errors.js';

export { UsageError };

export interface OptionSpec {
  /** 'string' takes a value; 'boolean' is a flag. */
  readonly type: 'string' | 'boolean';
  readonly help: string;
  /** Placeholder shown in help, e.g. 'FILE'. */
  readonly value?: string;
  /**
   * The value used when the option is not given: parseArgs fills it in, and the help shows it, so the two
   * cannot disagree. Commands do not repeat it as a fallback.
   */
  readonly default?: string;
  /** Help-only description of a default the command computes (e.g. 'cores'); parseArgs fills nothing. */
  readonly defaultText?: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '--') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (s.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      options.set(name, true);
    } else {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined)
        throw new UsageError(`option --${name} needs a value${s.value ? ` (${s.value})` : ''}`);
      options.set(name, v);
    }
  }
  for (const [name, s] of Object.entries(spec))
    if (s.default !== undefined && !options.has(name)) options.set(name, s.default);
  return { positionals, options };
}

export function optString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function optFlag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

/** A finite number option; `check` adds a constraint such as positivity. */
export function optNumber(
  args: ParsedArgs,
  name: string,
  check?: { positive?: boolean; integer?: boolean; min?: number; max?: number },
): number | undefined {
  const s = optString(args, name);
  if (s === undefined) return undefined;
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v))
    throw new UsageError(`--${name}: expected a number, got '${s}'`);
  if (check?.integer && !Number.isInteger(v))
    throw new UsageError(`--${name}: expected an integer, got '${s}'`);
  if (check?.positive && !(v > 0)) throw new UsageError(`--${name}: expected a positive number, got '${s}'`);
  if (check?.min !== undefined && v < check.min)
    throw new UsageError(`--${name}: expected at least ${check.min}, got '${s}'`);
  if (check?.max !== undefined && v > check.max)
    throw new UsageError(`--${name}: expected at most ${check.max}, got '${s}'`);
  return v;
}

export function formatHelp(
  usage: string,
  summary: string,
  spec: Readonly<Record<string, OptionSpec>>,
): string {
  const lines = [`usage: ${usage}`, '', summary, ''];
  const entries = Object.entries(spec);
  if (entries.length) lines.push('options:');
  for (const [name, s] of entries) {
    const left = `  --${name}${s.type === 'string' ? ` ${s.value ?? 'VALUE'}` : ''}`;
    lines.push(
      `${left.padEnd(28)} ${s.help}${(s.default ?? s.defaultText) !== undefined ? ` (default ${s.default ?? s.defaultText})` : ''}`,
    );
  }
  return lines.join('\n');
}
