import type { SandboxAccount } from './sandbox-options.js';
import { seedClients } from './seed-clients.js';

export const DEMO_EMAIL = 'demo@jobdesk.example';
export const DEMO_PASSWORD = 'demo-password-123';

/** The account the demo and most tests log in with: the seed clients, fresh copies each call. */
export function demoAccount(): SandboxAccount {
  return { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD, clients: seedClients() };
}
