#!/usr/bin/env node
// The entry hosts start (copied to dist/index.js by scripts/build-entry.mjs). It runs the bundled server,
// dist/server.cjs, compiled with the V8 code cache that the build wrote beside it, so that most of the server is
// neither parsed nor compiled again on each launch. Without a cache made for exactly this bundle and this Node.js,
// the server is compiled as usual: V8 refuses a cache from another version, and the hash below one from another bundle.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const HASH_BYTES = 32;

const filename = fileURLToPath(new URL('./server.cjs', import.meta.url));
const source = readFileSync(filename, 'utf8');
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
let cachedData;
try {
  const cache = readFileSync(`${filename}.cache`);
  const hash = createHash('sha256').update(source).digest();
  if (hash.equals(cache.subarray(0, HASH_BYTES))) cachedData = cache.subarray(HASH_BYTES);
} catch {
  // No cache: compile as usual.
}
const script = new Script(wrapped, { filename, cachedData });
const module = { exports: {} };
script.runInThisContext()(
  module.exports,
  createRequire(filename),
  module,
  filename,
  fileURLToPath(new URL('.', import.meta.url)),
);
// For scripts/write-code-cache.mjs, which runs the server once and then asks for the code it compiled.
export { script, source };
