import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox, type SandboxRoute, startSandbox } from '../../src/sandbox/index.js';
import { callTool, type RawServer, startRawServer, until } from './raw-stdio.js';

// The bound issue 3 sets: a host that lets go of the server must see it gone within a second.
const EXIT_WITHIN_MS = 1_000;

let sandbox: Sandbox;
let server: RawServer | undefined;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  sandbox.clearFaults();
  sandbox.resetStats();
});

async function startWithRequestInFlight(route: SandboxRoute): Promise<RawServer> {
  const started = await startRawServer({
    JOBDESK_BASE_URL: sandbox.baseUrl,
    JOBDESK_EMAIL: DEMO_EMAIL,
    JOBDESK_PASSWORD: DEMO_PASSWORD,
    // Far beyond the test: only the shutdown can end the request.
    JOBDESK_TIMEOUT_MS: '120000',
  });
  sandbox.injectFault(route, { kind: 'silence' });
  const pending = callTool(started, 'search_clients', { query: 'meier' });
  pending.catch(() => undefined);
  const reached = (): boolean => (route === 'login' ? sandbox.stats.logins : sandbox.stats.listRequests) === 1;
  await until(reached);
  expect(reached(), 'the request reached the silent sandbox').toBe(true);
  expect(sandbox.openConnections()).toBeGreaterThan(0);
  return started;
}

const triggers = {
  'closing stdin': (child: RawServer) => child.child.stdin.end(),
  SIGINT: (child: RawServer) => child.child.kill('SIGINT'),
  SIGTERM: (child: RawServer) => child.child.kill('SIGTERM'),
};
const reasons = { 'closing stdin': 'stdin closed', SIGINT: 'SIGINT', SIGTERM: 'SIGTERM' };

describe('shutdown with a request in flight against a silent jobdesk', () => {
  it.each([
    ['closing stdin', 'clients'],
    ['SIGINT', 'clients'],
    ['SIGTERM', 'clients'],
    ['closing stdin', 'login'],
    ['SIGTERM', 'login'],
  ] as const)(
    '%s ends the process within a second, aborting the %s request and closing its sockets',
    async (trigger, route) => {
      server = await startWithRequestInFlight(route);
      const before = performance.now();
      triggers[trigger](server);
      const exit = await server.exited;
      const tookMs = exit.at - before;

      expect(tookMs).toBeLessThan(EXIT_WITHIN_MS);
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(server.stderr()).toContain(`shutting down (${reasons[trigger]})`);
      // The clean path did the work: requests aborted and the dispatcher closed, not the grace timer's forced exit.
      expect(server.stderr()).not.toMatch(/stopped waiting/);
      await until(() => sandbox.openConnections() === 0, 2_000);
      expect(sandbox.openConnections()).toBe(0);
      console.info(`[figures] ${trigger} with ${route} in flight: exited after ${Math.round(tookMs)} ms`);
    },
  );
});

describe('a host that breaks the protocol', () => {
  it('ends the process, instead of leaving it deaf, when a message exceeds the 10 MB the transport buffers', async () => {
    server = await startRawServer({ JOBDESK_BASE_URL: sandbox.baseUrl });
    const before = performance.now();
    // No newline: one message that never ends, as a broken or hostile host could send.
    server.child.stdin.write('x'.repeat(11 * 1024 * 1024));
    const exit = await server.exited;
    expect(exit.at - before).toBeLessThan(5_000);
    expect(exit.code).toBe(0);
    expect(server.stderr()).toContain('shutting down (transport closed)');
  });

  it('ignores a line that is not JSON and goes on answering', async () => {
    server = await startRawServer({ JOBDESK_BASE_URL: sandbox.baseUrl });
    server.send('this is not json {');
    server.send('{"jsonrpc":"2.0","id":');
    const listed = await server.request('tools/list');
    expect(listed.result).toBeDefined();
    expect(server.isRunning()).toBe(true);
    expect(server.protocolViolations()).toEqual([]);
  });
});
