import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
// The snapshot is what the built server lists (test/e2e/protocol.test.ts keeps it true).
const tools = JSON.parse(readFileSync(new URL('./e2e/__snapshots__/tools.json', import.meta.url), 'utf8')) as Array<{
  name: string;
  inputSchema: { properties: Record<string, unknown> };
}>;

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README has no section ${title}`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('the README stays true to the code', () => {
  it('has the two commands: set-up plus demo, and the tests', () => {
    expect(readme).toContain('npm ci && npm run demo -- "müller zürich"');
    expect(readme).toContain('npm ci && npm test');
  });

  it('lists exactly the variables config.ts reads in its configuration table', () => {
    const rows = [...section('Configuration').matchAll(/^\| `(JOBDESK_[A-Z_]+)` *\|/gm)].map((match) => match[1]);
    expect(rows.sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('names no variable the server does not read', () => {
    const mentioned = new Set([...readme.matchAll(/\bJOBDESK_[A-Z_]+\b/g)].map((match) => match[0]));
    for (const variable of mentioned) expect(CONFIG_VARIABLES as readonly string[]).toContain(variable);
  });

  it('has host snippets that are valid JSON and pass only known variables', () => {
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      const parsed = JSON.parse(block) as {
        mcpServers?: Record<string, { env?: object }>;
        servers?: Record<string, { env?: object }>;
      };
      const servers = Object.values(parsed.mcpServers ?? parsed.servers ?? {});
      expect(servers.length).toBeGreaterThan(0);
      for (const server of servers) {
        expect(Object.keys(server.env ?? {})).toContain('JOBDESK_BASE_URL');
        for (const variable of Object.keys(server.env ?? {}))
          expect(CONFIG_VARIABLES as readonly string[]).toContain(variable);
      }
    }
  });

  it('documents every tool and every one of its arguments', () => {
    const reference = section('Tools');
    for (const tool of tools) {
      expect(reference).toContain(`### \`${tool.name}\``);
      for (const argument of Object.keys(tool.inputSchema.properties)) expect(reference).toContain(`\`${argument}\``);
    }
  });
});
