/** `cscsim models`: lists the built-in models (ids usable wherever a MODEL is expected). */
import { getModel, modelIds } from '../../models/index.js';
import { optFlag, parseArgs } from '../args.js';
import type { Command } from '../command.js';

const options = {
  json: { type: 'boolean', help: 'print the list as JSON' },
} as const;

export const models: Command = {
  name: 'models',
  summary: 'list the built-in models',
  usage: 'cscsim models [--json]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    const rows = modelIds.map((id) => {
      const m = getModel(id);
      return { id, name: m.name ?? '', species: m.species.length, parameters: m.parameters.length };
    });
    if (optFlag(args, 'json')) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    else for (const r of rows) io.stdout(`${r.id.padEnd(40)} ${r.name}\n`);
    return 0;
  },
};
