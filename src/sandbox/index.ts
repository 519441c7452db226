// The sandbox's public surface: tests, the demo and the benchmarks import from here only.
export type {
  ExpiryHint,
  ListShape,
  SandboxAccount,
  SandboxClient,
  SandboxOptions,
  TokenShape,
} from './sandbox-options.js';
export type { SandboxFault, SandboxRoute } from './faults.js';
export { startSandbox, type Sandbox, type SandboxStats } from './sandbox-server.js';
export { DEMO_EMAIL, DEMO_PASSWORD, demoAccount } from './demo-account.js';
export { seedClients } from './seed-clients.js';
export { generateClients } from './generate-clients.js';
export { seededRandom } from './seeded-random.js';
