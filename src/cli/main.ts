#!/usr/bin/env node
/**
 * The `cscsim` command. Exit codes: 0 success, 1 the work failed (e.g. a simulation), 2 bad usage or input.
 * Subcommands live in src/cli/commands/, one file each, registered in commands/index.ts.
 */
import { readFileSync } from 'node:fs';
import { InputError, SolverError } from '../errors.js';
import { formatHelp, parseArgs } from './args.js';
import type { CliIo, Command } from './command.js';
import { commands } from './commands/index.js';

/** The version in package.json, two levels up from src/cli/main.ts and from dist/cli/main.js alike. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function topHelp(cmds: readonly Command[]): string {
  const width = Math.max(...cmds.map((c) => c.name.length));
  return [
    'usage: cscsim <command> [options]',
    '',
    'cscsim: an in-silico lab for cancer stem cell biology and the timing of CSC-targeted therapy.',
    '',
    'commands:',
    ...cmds.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'cscsim <command> --help' for a command's options.",
  ].join('\n');
}

/** Exit code of an error we raise: 2 for bad usage or input (InputError and subclasses), 1 for a failed simulation. */
export function exitCodeOf(e: unknown): number | undefined {
  if (e instanceof InputError) return 2;
  if (e instanceof SolverError) return 1;
  return undefined;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${topHelp(commands)}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`cscsim ${version()}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`cscsim: unknown command '${name}'\n${topHelp(commands)}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${formatHelp(cmd.usage, cmd.summary, cmd.options)}\n`);
    return 0;
  }
  try {
    // Validate options against the spec up front so every command rejects unknown options alike.
    parseArgs(rest, cmd.options);
    return await cmd.run(rest, io);
  } catch (e) {
    const code = exitCodeOf(e);
    if (code === undefined) throw e;
    io.stderr(
      `cscsim ${name}: ${e instanceof SolverError ? 'simulation failed: ' : ''}${(e as Error).message}\n`,
    );
    return code;
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry || process.argv[1]?.endsWith('/cscsim') || process.argv[1]?.endsWith('main.js')) {
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `cscsim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
