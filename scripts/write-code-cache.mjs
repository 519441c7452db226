// Runs the built server through a host's first requests and then writes the V8 code cache of everything it compiled on
// the way to dist/server.cjs.cache, prefixed with the SHA-256 of the bundle it belongs to (see scripts/entry.mjs).
// scripts/build-entry.mjs starts it with the requests on stdin and how many answers to wait for as the argument.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';

const ANSWERS_BEFORE_WRITING = Number(process.argv[2]);
const cachePath = fileURLToPath(new URL('../dist/server.cjs.cache', import.meta.url));

let answers = 0;
let finished = false;
const writeOut = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  answers += String(chunk).split('\n').length - 1;
  if (answers >= ANSWERS_BEFORE_WRITING && !finished) {
    finished = true;
    setImmediate(() => void finish());
  }
  return writeOut(chunk, ...rest);
};
const entry = import('../dist/index.js');

async function finish() {
  const { script, source } = await entry;
  const hash = createHash('sha256').update(source).digest();
  writeFileSync(cachePath, Buffer.concat([hash, script.createCachedData()]));
  process.exit(0);
}
