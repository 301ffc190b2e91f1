import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exportSbml } from '../../src/io/sbml/export.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { pkModel } from './fixtures/pk-model.js';

const hasLibsbml = spawnSync('/usr/bin/python3', ['-c', 'import libsbml'], { encoding: 'utf8' }).status === 0;

describe('exportSbml', () => {
  it('round-trips the model value exactly through import', () => {
    const m = pkModel();
    const back = importSbml(exportSbml(m), 'pk.xml');
    assert.deepEqual(back.doses, m.doses);
    assert.deepEqual(
      back.parameters,
      m.parameters.map((p) => ({ ...p, constant: p.constant ?? true })),
    );
    assert.equal(back.notes, m.notes);
    assert.equal(back.timeUnit, 'day');
    assert.deepEqual(back.functions, m.functions);
    assert.deepEqual(
      back.reactions.map((r) => r.rate),
      m.reactions.map((r) => r.rate),
    );
    assert.deepEqual(
      back.events?.map((e) => e.id),
      ['surgery'],
    );
    assert.deepEqual(
      back.species.map((s) => s.unit),
      ['mg', 'cell'],
    );
  });

  it('lowers doses to plain SBML events and reactions', () => {
    const x = exportSbml(pkModel());
    assert.equal((x.match(/<event /g) ?? []).length, 1 + 3 + 1);
    assert.match(x, /<reaction id="inf_infusion"/);
    assert.match(x, /<parameter id="level" value="0" constant="false"/);
  });

  it('rejects ids SBML cannot hold', () => {
    const m = { ...pkModel(), parameters: [{ id: 'k-1', value: 1, unit: '1', source: 'x' }] };
    assert.throws(() => exportSbml(m), /parameter 'k-1': not a valid SBML identifier/);
  });

  it('writes SBML that libSBML validates without errors', {
    skip: !hasLibsbml && 'python3 with libsbml not available',
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'cscsim-sbml-'));
    try {
      const file = join(dir, 'pk.xml');
      writeFileSync(file, exportSbml(pkModel()));
      const py = [
        'import libsbml, sys',
        'd = libsbml.readSBMLFromFile(sys.argv[1])',
        'd.setConsistencyChecks(libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, False)',
        'd.checkConsistency()',
        'errs = [d.getError(i) for i in range(d.getNumErrors()) if d.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]',
        'print("\\n".join(e.getMessage() for e in errs)); sys.exit(1 if errs else 0)',
      ].join('\n');
      const r = spawnSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
