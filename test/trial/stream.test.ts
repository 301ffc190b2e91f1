/** Outcomes streamed to disk (OutcomeFiles) as the trial runs: the same rows as in memory, for any worker count. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { OutcomeFiles, outcomesCsv } from '../../src/trial/output.js';
import { runTrial } from '../../src/trial/run.js';

test('streamed CSV equals the in-memory CSV, Parquet has the same rows, summaries alike without the outcomes', async () => {
  const o = { patients: 150, seed: 5, micrometMean: 1.2 } as const;
  const kept = await runTrial({ ...o, workers: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-stream-'));
  const files = new OutcomeFiles(dir);
  const chunks: number[] = [];
  const streamed = await runTrial({
    ...o,
    workers: 2,
    keepOutcomes: false,
    onOutcomes: (c) => {
      chunks.push(c[0]!.index);
      files.write(c);
    },
  });
  files.close();
  assert.equal(streamed.outcomes, null);
  assert.deepEqual(
    chunks,
    [...chunks].sort((a, b) => a - b),
    'chunks in patient order',
  );
  assert.equal(readFileSync(join(dir, 'outcomes.csv'), 'utf8'), outcomesCsv(kept));
  assert.deepEqual(streamed.analysis, kept.analysis);
  assert.deepEqual(streamed.summary, kept.summary);
  const buf = readFileSync(join(dir, 'outcomes.parquet'));
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  assert.equal(Number(parquetMetadata(file).num_rows), 300);
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  const csv = outcomesCsv(kept).trim().split('\n').slice(1);
  rows.forEach((r, i) => {
    const fields = csv[i]!.split(',');
    assert.equal(r.patient, Number(fields[0]));
    assert.equal(r.arm, fields[1]);
    const dfs = r.dfs_years as number;
    assert.equal(dfs, Number(fields[11]));
  });
});
