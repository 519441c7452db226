#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig } from './config.js';
import { createServer } from './server.js';
import { createJobdeskServices } from './services.js';
import type { ToolDependencies } from './tools/tool-dependencies.js';

// stdout carries JSON-RPC only; every human-readable line goes to stderr.
function logLine(message: string): void {
  process.stderr.write(`[jobdesk-mcp] ${message}\n`);
}

const SHUTDOWN_GRACE_MS = 800;

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  let dependencies: ToolDependencies;
  let closeServices = async (): Promise<void> => {};
  if (loaded.ok) {
    const services = createJobdeskServices(loaded.config);
    closeServices = services.close;
    dependencies = { ready: true, services };
    const account = loaded.config.credentials
      ? `, account ${loaded.config.credentials.emailAddress}`
      : ', no account configured';
    logLine(`ready for ${loaded.config.baseUrl.origin}${account}`);
  } else {
    // Stay up: the host then shows the problem in every tool answer instead of a bare "disconnected".
    dependencies = { ready: false, configurationProblem: loaded.problem };
    logLine(loaded.problem);
  }

  const server = createServer(dependencies);
  const transport = new StdioServerTransport();

  let shuttingDown = false;
  const shutdown = (reason: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    logLine(`shutting down (${reason})`);
    // Closing the services aborts requests in flight and destroys the dispatcher's sockets; should that
    // ever hang, the host has still let go of us, so the process ends regardless, and says so.
    setTimeout(() => {
      logLine(`stopped waiting for open requests after ${SHUTDOWN_GRACE_MS} ms`);
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
    void Promise.allSettled([closeServices(), server.close()]).then(() => process.exit(0));
  };
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // The SDK transport closes itself on a message over its 10 MB buffer; a server that can no longer
  // hear the host should end, so the host shows it as disconnected and can start it again.
  server.server.onclose = () => shutdown('transport closed');
  // A broken pipe on stdout means the host is gone; writing on would only raise more errors.
  process.stdout.on('error', () => shutdown('stdout closed'));

  await server.connect(transport);
}

// Last line of defence: a bug must not kill the server mid-conversation, and the log holds no secret
// because no error we raise carries one.
process.on('uncaughtException', (error) => logLine(`unexpected error: ${error.name}: ${error.message}`));
process.on('unhandledRejection', (reason) =>
  logLine(`unexpected rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : 'non-error value'}`),
);

main().catch((error: unknown) => {
  logLine(`could not start: ${error instanceof Error ? error.message : 'unknown error'}`);
  process.exit(1);
});
