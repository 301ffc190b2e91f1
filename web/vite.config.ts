/**
 * Vite build of the web app: a static site in web/dist with relative asset paths (works from any folder,
 * a file server or GitHub Pages). The engine worker is a module worker bundled with our src/ code.
 * The build fails if browser code imports a Node built-in (it would be an empty stub at run time).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Refuses `node:*` imports reached from the page or the worker. */
function noNodeBuiltins(): Plugin {
  return {
    name: 'cscsim-no-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id.startsWith('node:')) this.error(`browser code imports '${id}' (from ${importer ?? '?'})`);
      return null;
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [noNodeBuiltins()],
  worker: { format: 'es', plugins: () => [noNodeBuiltins()] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
