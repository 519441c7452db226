#!/usr/bin/env node
// Runs a sandbox by hand, for the demo or for poking at a client:
//   node dist/sandbox/cli.js [--port N] [--clients N] [--seed S]
// Without --clients the demo account holds the seed clients; with it, generated ones.
import { parseArgs } from 'node:util';
import { DEMO_EMAIL, DEMO_PASSWORD } from './demo-account.js';
import { generateClients } from './generate-clients.js';
import { startSandbox } from './sandbox-server.js';
import { seedClients } from './seed-clients.js';

function integerFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new Error(`--${name} must be an integer >= ${min}, got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      clients: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const port = integerFlag('port', values.port, 0) ?? 0;
  const count = integerFlag('clients', values.clients, 0);
  const seed = integerFlag('seed', values.seed, 0);
  const clients = count === undefined ? seedClients() : generateClients(count, seed);

  const sandbox = await startSandbox({
    port,
    accounts: [{ emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD, clients }],
  });
  // stdout stays clean so the sandbox can sit in a pipeline; people read stderr.
  process.stderr.write(`jobdesk sandbox listening on ${sandbox.baseUrl} (${DEMO_EMAIL} / ${DEMO_PASSWORD})\n`);

  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`jobdesk sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
