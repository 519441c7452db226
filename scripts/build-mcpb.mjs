// Builds the MCP Bundle for one-click install in Claude Desktop: the server as one self-contained file
// (no node_modules to ship), the manifest, README and LICENSE, packed and validated by the mcpb CLI.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const staging = `${root}.mcpb-staging/`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const output = process.argv[2] ?? `${root}jobdesk-mcp-${version}.mcpb`;

rmSync(staging, { recursive: true, force: true });
mkdirSync(`${staging}dist`, { recursive: true });
await build({
  entryPoints: [`${root}src/index.ts`],
  outfile: `${staging}dist/index.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
for (const file of ['manifest.json', 'README.md', 'LICENSE']) copyFileSync(`${root}${file}`, `${staging}${file}`);
const mcpb = `${root}node_modules/@anthropic-ai/mcpb/dist/cli/cli.js`;
execFileSync(process.execPath, [mcpb, 'validate', `${staging}manifest.json`], { stdio: 'inherit' });
execFileSync(process.execPath, [mcpb, 'pack', staging, output], { stdio: 'inherit' });
rmSync(staging, { recursive: true, force: true });
console.log(`MCP Bundle written to ${output}`);
