// Replaces the compiled entry dist/index.js with a bundle of it. A host starts the server on every launch, and
// loading one minified file instead of some 300 modules from node_modules roughly halves the time to the
// `initialize` answer (see bench/RESULTS.md). Code the first requests do not need (undici) goes into a chunk of its
// own that is loaded on demand. The rest of dist/ (the sandbox, the demo) stays as tsc wrote it.
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const chunks = `${root}dist/chunks/`;

const result = await build({
  entryPoints: { index: `${root}src/index.ts` },
  outdir: `${root}dist`,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  // The entry keeps its shebang; esbuild carries it over.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// Chunks are named by content; drop those of earlier builds only after the new ones are written.
const written = new Set(Object.keys(result.metafile.outputs).map((path) => path.slice(path.lastIndexOf('/') + 1)));
for (const file of readdirSync(chunks)) if (!written.has(file)) rmSync(`${chunks}${file}`);
