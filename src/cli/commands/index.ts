/** Registry of subcommands; add one import and one entry per command file. */
import type { Command } from '../command.js';

export const commands: readonly Command[] = [];
