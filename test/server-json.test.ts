import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';
import { SERVER_VERSION } from '../src/server.js';

const readJson = (path: string): any => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const serverJson = readJson('../server.json');
const packageJson = readJson('../package.json');
// The registry's published schema lives beside the project, not in it; CI has a copy of shared/.
const schemaPath = new URL('../../shared/registry/server.schema.2025-12-11.json', import.meta.url);

describe('server.json, the MCP registry manifest', () => {
  it.runIf(existsSync(schemaPath))('is valid against the registry schema of 2025-12-11', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(serverJson), JSON.stringify(validate.errors)).toBe(true);
    expect(serverJson.$schema).toBe(schema.$id);
  });

  it('matches package.json: name, version, mcpName', () => {
    expect(serverJson.name).toBe(packageJson.mcpName);
    expect(serverJson.version).toBe(packageJson.version);
    expect(serverJson.packages[0]).toMatchObject({
      registryType: 'npm',
      identifier: packageJson.name,
      version: packageJson.version,
      transport: { type: 'stdio' },
    });
    expect(SERVER_VERSION).toBe(packageJson.version);
    expect(serverJson.description.length).toBeLessThanOrEqual(100);
  });

  it('lists exactly the environment variables config.ts reads, the password secret, the URL required', () => {
    const variables = serverJson.packages[0].environmentVariables as Array<{
      name: string;
      isRequired: boolean;
      isSecret: boolean;
    }>;
    expect(variables.map((variable) => variable.name).sort()).toEqual([...CONFIG_VARIABLES].sort());
    const byName = new Map(variables.map((variable) => [variable.name, variable]));
    expect(byName.get('JOBDESK_BASE_URL')).toMatchObject({ isRequired: true, isSecret: false });
    expect(byName.get('JOBDESK_PASSWORD')).toMatchObject({ isRequired: false, isSecret: true });
  });

  it('has a bin with a shebang, so npx jobdesk-mcp starts it', () => {
    expect(packageJson.bin['jobdesk-mcp']).toBe('dist/index.js');
    expect(readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(
      true,
    );
  });
});
