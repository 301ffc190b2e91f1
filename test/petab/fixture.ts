/**
 * A small PEtab problem written to a temporary folder, with closed-form answers: production k1 and
 * degradation k2 of A (A(t) = k1/k2 + (A0 - k1/k2) e^{-k2 t}), and a conserved pair B <-> C (B + C = T,
 * steady state B = T kb / (kf + kb)), so that the Jacobian at the steady state is singular.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const M = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const ci = (x: string): string => `<ci>${x}</ci>`;
const times = (...a: string[]): string => `<math ${M}><apply><times/>${a.map(ci).join('')}</apply></math>`;
const sp = (id: string, v: number): string =>
  `<species id="${id}" compartment="c" initialConcentration="${v}" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>`;
const par = (id: string, v: number): string => `<parameter id="${id}" value="${v}" constant="true"/>`;
const ref = (s: string): string => `<speciesReference species="${s}" stoichiometry="1" constant="true"/>`;

export const SBML = `<?xml version="1.0"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m">
<listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
<listOfSpecies>${sp('A', 0)}${sp('B', 1)}${sp('C', 0)}</listOfSpecies>
<listOfParameters>${par('k1', 1)}${par('k2', 0.5)}${par('kf', 2)}${par('kb', 1)}</listOfParameters>
<listOfReactions>
<reaction id="prod" reversible="false"><listOfProducts>${ref('A')}</listOfProducts><kineticLaw><math ${M}>${ci('k1')}</math></kineticLaw></reaction>
<reaction id="deg" reversible="false"><listOfReactants>${ref('A')}</listOfReactants><kineticLaw>${times('k2', 'A')}</kineticLaw></reaction>
<reaction id="fwd" reversible="false"><listOfReactants>${ref('B')}</listOfReactants><listOfProducts>${ref('C')}</listOfProducts><kineticLaw>${times('kf', 'B')}</kineticLaw></reaction>
<reaction id="bwd" reversible="false"><listOfReactants>${ref('C')}</listOfReactants><listOfProducts>${ref('B')}</listOfProducts><kineticLaw>${times('kb', 'C')}</kineticLaw></reaction>
</listOfReactions>
</model></sbml>`;

export const TABLES: Record<string, string> = {
  'problem.yaml': `format_version: 1
parameter_file: parameters.tsv
problems:
  - sbml_files: [model.xml]
    condition_files: [conditions.tsv]
    measurement_files: [measurements.tsv]
    observable_files: [observables.tsv]
`,
  'conditions.tsv': 'conditionId\tk1\tA\tB\nc0\t1\t0\tNaN\nhigh\tk1_high\tNaN\tNaN\npre\t2\t0\t3\n',
  'observables.tsv':
    'observableId\tobservableFormula\tnoiseFormula\tobservableTransformation\tnoiseDistribution\n' +
    'obsA\tscale * A\tnoiseParameter1_obsA\tlin\tnormal\n' +
    'obsB\tB\tsigmaB\tlog10\tlaplace\n',
  'parameters.tsv':
    'parameterId\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate\n' +
    'k2\tlog10\t0.01\t10\t0.5\t1\n' +
    'scale\tlin\t0.1\t10\t2\t1\n' +
    'sigmaB\tlog\t0.01\t1\t0.1\t0\n' +
    'k1_high\tlin\t0\t10\t4\t0\n' +
    'sd\tlog10\t0.01\t1\t0.2\t1\n',
  'measurements.tsv':
    'observableId\tpreequilibrationConditionId\tsimulationConditionId\tmeasurement\ttime\tobservableParameters\tnoiseParameters\n' +
    'obsA\t\tc0\t0.8\t1\t\tsd\n' +
    'obsA\t\tc0\t1.6\t4\t\t0.3\n' +
    'obsA\t\thigh\t9\tinf\t\tsd\n' +
    'obsA\tpre\tc0\t3.5\t2\t\tsd\n' +
    'obsB\t\tc0\t0.3\t3\t\t\n' +
    'obsB\tpre\tc0\t0.9\tinf\t\t\n',
};

/** Writes the problem (with `edit` applied to the named files) to a fresh folder; returns its YAML path. */
export function writeProblem(edit: Record<string, string> = {}): {
  yaml: string;
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-petab-'));
  writeFileSync(join(dir, 'model.xml'), SBML);
  for (const [name, text] of Object.entries({ ...TABLES, ...edit })) writeFileSync(join(dir, name), text);
  return {
    yaml: join(dir, 'problem.yaml'),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
