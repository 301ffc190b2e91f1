/**
 * `cscsim export MODEL (--sbml | --json) [--out FILE]`: writes a model (built-in id or file) as SBML L3V2
 * (doses lowered to events, provenance kept in annotations) or as our JSON model value, on stdout unless
 * --out names a file. `--json` means JSON on stdout, as in every command.
 */
import { writeFileSync } from 'node:fs';
import { saveModelJson } from '../../io/json.js';
import { loadModel } from '../../io/load-model.js';
import { exportSbml } from '../../io/sbml/index.js';
import { optFlag, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';

const options = {
  sbml: { type: 'boolean', help: 'write SBML Level 3 Version 2' },
  json: { type: 'boolean', help: 'write the cscsim JSON model' },
  out: { type: 'string', value: 'FILE', help: 'write to this file instead of stdout' },
} as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a model (built-in id or file) as SBML L3V2 or cscsim JSON',
  usage: 'cscsim export MODEL (--sbml | --json) [--out FILE]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length !== 1)
      throw new UsageError('expected exactly one MODEL (built-in id or file)');
    const sbml = optFlag(args, 'sbml');
    const json = optFlag(args, 'json');
    if (sbml === json) throw new UsageError('give exactly one of --sbml and --json');
    const model = loadModel(args.positionals[0]!);
    const text = sbml ? exportSbml(model) : saveModelJson(model);
    const out = optString(args, 'out');
    if (out !== undefined) writeFileSync(out, text);
    else io.stdout(text);
    return 0;
  },
};
