/**
 * `cscsim export MODEL --sbml FILE.xml | --json FILE.json`: writes a model (built-in id or file) as SBML L3V2
 * (doses lowered to events, provenance kept in annotations) or as our JSON model value.
 */
import { writeFileSync } from 'node:fs';
import { saveModelJson } from '../../io/json.js';
import { loadModel } from '../../io/load-model.js';
import { exportSbml } from '../../io/sbml/index.js';
import { optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';

const options = {
  sbml: { type: 'string', value: 'FILE.xml', help: "write SBML Level 3 Version 2 ('-' for stdout)" },
  json: { type: 'string', value: 'FILE.json', help: "write the cscsim JSON model ('-' for stdout)" },
} as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a model (built-in id or file) as SBML L3V2 or cscsim JSON',
  usage: 'cscsim export MODEL (--sbml FILE.xml | --json FILE.json)',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length !== 1)
      throw new UsageError('expected exactly one MODEL (built-in id or file)');
    const sbml = optString(args, 'sbml');
    const json = optString(args, 'json');
    if (sbml === undefined && json === undefined) throw new UsageError('give --sbml FILE or --json FILE');
    const model = loadModel(args.positionals[0]!);
    const write = (file: string, text: string): void => {
      if (file === '-') io.stdout(text);
      else writeFileSync(file, text);
    };
    if (sbml !== undefined) write(sbml, exportSbml(model));
    if (json !== undefined) write(json, saveModelJson(model));
    return 0;
  },
};
