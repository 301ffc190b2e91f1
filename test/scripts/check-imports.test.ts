/** The import-direction checker itself, on small synthetic trees, and the documented order it enforces. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { checkImports, LAYERS, specifiers } from '../../scripts/check-imports.js';

const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cscsim-imports-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const OK = {
  'src/errors.ts': 'export class E extends Error {}\n',
  'src/problem/types.ts': "import { E } from '../errors.js';\nexport type P = { e: E };\n",
  'src/model/compile.ts':
    "import type { P } from '../problem/types.js';\nexport const c = (): P | null => null;\n",
  'src/engines/solve.ts':
    "import type { P } from '../problem/types.js';\nexport function solve(p: P) { return p; }\n",
  'src/engines/a.test.ts': "import { x } from '../cli/main.js';\n", // tests are not layered
  'src/cli/main.ts':
    "import { solve } from '../engines/solve.js';\nimport { c } from '../model/compile.js';\nexport const x = solve(c()!);\n",
};

test('a tree that follows the order passes', () => {
  assert.deepEqual(checkImports(tree(OK)), []);
});

test('an upward import fails, naming the file, the import and the rule', () => {
  const root = tree({
    ...OK,
    'src/model/compile.ts': "import { solve } from '../engines/solve.js';\nexport const c = solve;\n",
  });
  const v = checkImports(root);
  assert.equal(v.length, 1, JSON.stringify(v));
  assert.equal(v[0]!.file, 'src/model/compile.ts');
  assert.match(v[0]!.message, /src\/model\/compile\.ts imports '\.\.\/engines\/solve\.js'/);
  assert.match(
    v[0]!.message,
    /src\/model may import only itself and the layers below it, and src\/engines is above it/,
  );
});

test('upward type-only imports, re-exports, import() and worker URLs fail too', () => {
  for (const line of [
    "import type { solve } from '../engines/solve.js';",
    "export { solve } from '../engines/solve.js';",
    "const m = await import('../engines/solve.js');",
    "const u = new URL('../engines/solve.js', import.meta.url);",
  ]) {
    const v = checkImports(tree({ ...OK, 'src/problem/extra.ts': `${line}\nexport {};\n` }));
    assert.equal(v.length, 1, `${line}: ${JSON.stringify(v)}`);
    assert.match(v[0]!.message, /src\/problem may import only itself/);
  }
});

test('a cycle fails, within one folder too, and names its modules in order', () => {
  const root = tree({
    ...OK,
    'src/engines/b.ts': "import { c } from './c.js';\nexport const b = c;\n",
    'src/engines/c.ts': "import { d } from './d.js';\nexport const c = d;\n",
    'src/engines/d.ts': "import { b } from './b.js';\nexport const d = b;\n",
  });
  const v = checkImports(root);
  assert.equal(v.length, 1, JSON.stringify(v));
  assert.match(v[0]!.message, /^import cycle: src\/engines\/(b|c|d)\.ts -> .* -> src\/engines\/\1\.ts$/);
  assert.equal(v[0]!.message.split(' -> ').length, 4);
});

test('a folder outside the order, an import out of src/ and a missing module fail', () => {
  const v = checkImports(
    tree({
      ...OK,
      'src/newthing/x.ts': 'export const x = 1;\n',
      'src/engines/t.ts': "import { h } from '../../test/helpers/h.js';\nimport { z } from './nope.js';\n",
      'test/helpers/h.ts': 'export const h = 1;\n',
    }),
  ).map((x) => x.message);
  assert.equal(v.length, 3, JSON.stringify(v));
  assert.ok(v.some((m) => /src\/newthing\/x\.ts: not in any layer/.test(m)));
  assert.ok(v.some((m) => /test\/helpers\/h\.ts\), which is outside every layer/.test(m)));
  assert.ok(v.some((m) => /'\.\/nope\.js': no such module/.test(m)));
});

test('comments and strings that look like imports are not imports', () => {
  assert.deepEqual(
    specifiers("// import { a } from '../x.js';\n/* import '../y.js' */\nconst s = \"from '../z.js'\";\n"),
    [],
  );
});

test('docs/architecture.md lists the same layer order as the checker', () => {
  const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  const block = /<!-- layers -->([\s\S]*?)<!-- \/layers -->/.exec(doc);
  assert.ok(block, 'docs/architecture.md has a <!-- layers --> block');
  const listed = [...block[1]!.matchAll(/^\s*\d+\.\s+`([^`]+)`/gm)].map((m) => m[1]);
  assert.deepEqual(listed, LAYERS);
});
