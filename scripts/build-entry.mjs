// Makes dist/index.js, the entry hosts start, fast to start: a host starts the server on every launch.
// - The server and its dependencies become one minified CommonJS file, dist/server.cjs, instead of some 300 modules
//   read from node_modules.
// - dist/index.js (scripts/entry.mjs) compiles that file with a V8 code cache, dist/server.cjs.cache, written here by
//   running the server once through `initialize`, `tools/list` and a search against the loopback sandbox
//   (scripts/write-code-cache.mjs), so that the code of a first search, undici's included, is compiled already.
// bench/RESULTS.md has the figures. The rest of dist/ (the sandbox, the demo) stays as tsc wrote it.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const CACHE_RUN_TIMEOUT_MS = 30_000;

rmSync(`${dist}server.cjs.cache`, { force: true });
// Left by an earlier build that split the bundle.
rmSync(`${dist}chunks`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}src/index.ts`],
  outfile: `${dist}server.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// The bundle runs inside a function wrapper, where a shebang is a syntax error; the entry carries it instead.
const bundle = readFileSync(`${dist}server.cjs`, 'utf8');
writeFileSync(`${dist}server.cjs`, bundle.replace(/^#!.*/, ''));
copyFileSync(`${root}scripts/entry.mjs`, `${dist}index.js`);

const written = await writeCodeCache();
if (!written) process.stderr.write('build-entry: no code cache written; the server starts without one, only slower\n');

async function writeCodeCache() {
  const { DEMO_EMAIL, DEMO_PASSWORD, startSandbox } = await import(`${dist}sandbox/index.js`);
  const sandbox = await startSandbox();
  try {
    return await runServerOnce({
      PATH: process.env.PATH ?? '',
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: DEMO_EMAIL,
      JOBDESK_PASSWORD: DEMO_PASSWORD,
    });
  } finally {
    await sandbox.close();
  }
}

function runServerOnce(env) {
  return new Promise((resolve) => {
    const requests = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'build', version: '1' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      {
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'search_clients', arguments: { query: 'müller' } },
      },
    ];
    const answers = requests.filter((request) => 'id' in request).length;
    const child = spawn(process.execPath, [`${root}scripts/write-code-cache.mjs`, String(answers)], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env,
    });
    const timer = setTimeout(() => child.kill(), CACHE_RUN_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    // stdin stays open: at its end the server would shut down before the cache is written.
    child.stdin.write(requests.map((request) => `${JSON.stringify(request)}\n`).join(''));
  });
}
