/** Registry of subcommands; add one import and one entry per command file. */
import type { Command } from '../command.js';
import { exportCommand } from './export.js';
import { fitCommand } from './fit.js';
import { models } from './models.js';
import { reproduceCommand } from './reproduce.js';
import { sbmlSuite } from './sbml-suite.js';
import { simulate } from './simulate.js';
import { survivalCommand } from './survival.js';
import { trialCommand } from './trial.js';

export const commands: readonly Command[] = [
  simulate,
  models,
  reproduceCommand,
  sbmlSuite,
  exportCommand,
  survivalCommand,
  trialCommand,
  fitCommand,
];
