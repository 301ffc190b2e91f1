/**
 * Seed inputs for the fuzzers: real SBML Test Suite files and results tables (when ../shared is there),
 * the built-in models as JSON, and small embedded documents so the fuzzers run on a fresh clone too.
 * Also a minimal XML writer, to turn mutated trees back into text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveModelJson } from '../../src/io/json-model.js';
import { importSbml } from '../../src/io/sbml/import.js';
import type { XmlElement, XmlNode } from '../../src/io/sbml/xml.js';
import { getModel } from '../../src/models/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = join(root, '..', 'shared', 'sbml-test-suite', 'semantic');

const EMBEDDED_SBML = `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="m" timeUnits="second">
    <listOfFunctionDefinitions><functionDefinition id="f"><math xmlns="http://www.w3.org/1998/Math/MathML">
      <lambda><bvar><ci>x</ci></bvar><apply><times/><ci>x</ci><cn>2</cn></apply></lambda></math></functionDefinition>
    </listOfFunctionDefinitions>
    <listOfCompartments><compartment id="c" size="1" spatialDimensions="3" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="S" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
      <species id="P" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters><parameter id="k" value="0.5" constant="true"/><parameter id="q" value="0" constant="false"/></listOfParameters>
    <listOfRules><assignmentRule variable="q"><math xmlns="http://www.w3.org/1998/Math/MathML">
      <piecewise><piece><cn>1</cn><apply><lt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>2</cn></apply></piece><otherwise><cn type="e-notation">1<sep/>-3</cn></otherwise></piecewise>
    </math></assignmentRule></listOfRules>
    <listOfReactions><reaction id="r" reversible="false">
      <listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants>
      <listOfProducts><speciesReference species="P" stoichiometry="2" constant="true"/></listOfProducts>
      <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>c</ci><apply><ci>f</ci><ci>k</ci></apply><ci>S</ci></apply></math></kineticLaw>
    </reaction></listOfReactions>
    <listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><geq/><ci>P</ci><cn>0.5</cn></apply></math></trigger>
      <listOfEventAssignments><eventAssignment variable="S"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>1</cn></math></eventAssignment></listOfEventAssignments></event></listOfEvents>
  </model>
</sbml>
`;

let sbmlCache: string[] | undefined;

/** SBML L3V2 documents: every 30th suite case under 20 kB, plus the embedded model. */
export function sbmlSeeds(): string[] {
  if (sbmlCache) return sbmlCache;
  const out = [EMBEDDED_SBML];
  if (existsSync(suite)) {
    const cases = readdirSync(suite).filter((d) => /^\d{5}$/.test(d));
    for (let i = 0; i < cases.length; i += 30) {
      const f = join(suite, cases[i]!, `${cases[i]}-sbml-l3v2.xml`);
      if (!existsSync(f)) continue;
      const text = readFileSync(f, 'utf8');
      if (text.length < 20_000) out.push(text);
    }
  }
  sbmlCache = out;
  return out;
}

/** CSV tables: suite results (when present) and small embedded tables with quotes, BOM and CRLF. */
export function csvSeeds(): string[] {
  const out = [
    'time,status,group\n1,1,a\n2.5,0,b\n3,1,a\n',
    '\uFEFFtime,S1\r\n0,1.5e-4\r\n0.1,INF\r\n0.2,-inf\r\n0.3,NaN\r\n',
    '"time","name, with comma"\n0,"he said ""hi"""\n1,"multi\nline"\n',
  ];
  if (existsSync(suite)) {
    for (const c of ['00001', '00026', '00140', '00950']) {
      const f = join(suite, c, `${c}-results.csv`);
      if (existsSync(f)) out.push(readFileSync(f, 'utf8').slice(0, 20_000));
    }
  }
  return out;
}

/** Model JSON: two built-in models (compact) and the SBML seeds as imported. */
export function jsonSeeds(): string[] {
  const out = ['her2csc', 'her2csc-mcf7-fatpad-trastuzumab'].map((id) => JSON.stringify(getModel(id)));
  for (const s of sbmlSeeds()) {
    try {
      out.push(saveModelJson(importSbml(s)));
    } catch {
      // unsupported seed (an SBML package): not a JSON seed
    }
  }
  return out;
}

function esc(s: string, attr: boolean): string {
  const t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attr ? t.replace(/"/g, '&quot;') : t;
}

/** The element as XML text (namespace declarations are ordinary attributes, so they survive). */
export function writeXml(el: XmlElement): string {
  const parts: string[] = [];
  const go = (n: XmlNode): void => {
    if (n.kind === 'text') {
      parts.push(esc(n.text, false));
      return;
    }
    parts.push(`<${n.name}`);
    for (const a of n.attrs) parts.push(` ${a.name}="${esc(a.value, true)}"`);
    if (n.children.length === 0) {
      parts.push('/>');
      return;
    }
    parts.push('>');
    for (const c of n.children) go(c);
    parts.push(`</${n.name}>`);
  };
  go(el);
  return parts.join('');
}
