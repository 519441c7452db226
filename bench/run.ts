// npm run bench [-- --quick]
// Every figure of issue 4's table, each beside its reference, measured in one run on this machine. Traffic stays on
// 127.0.0.1; every loop is bounded in count, and the run as a whole in time.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { generateClients, type SandboxClient, startSandbox } from '../src/sandbox/index.js';
import { realisticQueries, type RealisticQuery } from './realistic-queries.js';
import { formatMb, formatMs, median, percentile } from './statistics.js';
import {
  ourServerEnv,
  residentSetBytes,
  runBareFirstSearch,
  startEverything,
  startOurs,
  type BareRun,
  type StartedServer,
} from './stdio-servers.js';

const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, 'skip-100k': { type: 'boolean', default: false } },
  strict: true,
});
const quick = flags.quick === true;
const plan = {
  startupPairs: quick ? 5 : 10,
  firstSearchPairs: quick ? 2 : 5,
  warmQueries: quick ? 60 : 200,
  largeFirstSearchPairs: 1,
  budgetMs: (quick ? 4 : 9.5) * 60_000,
};
const SEED = 42;
const FIRST_QUERY = 'müller';
const CALL_TIMEOUT_MS = 180_000;
const DEFAULT_CAP_BYTES = 128 * 1024 * 1024;
const benchStarted = performance.now();

interface Row {
  figure: string;
  ours: string;
  reference: string;
  ratio: number | null;
  target: string;
  pass: boolean | null;
}
const rows: Row[] = [];
const notes: string[] = [];

function log(message: string): void {
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

function withinBudget(phase: string): boolean {
  if (performance.now() - benchStarted < plan.budgetMs) return true;
  notes.push(`${phase} skipped: the run had used its ${plan.budgetMs / 60_000} minute budget.`);
  return false;
}

function addRatioRow(
  figure: string,
  ours: number,
  reference: number,
  format: (value: number) => string,
  limit: number,
  target: string,
): void {
  const ratio = ours / reference;
  rows.push({
    figure,
    ours: format(ours),
    reference: format(reference),
    ratio,
    target,
    pass: Number.isFinite(ratio) ? ratio <= limit : null,
  });
}

async function search(server: StartedServer, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await server.client.callTool({ name: 'search_clients', arguments: args }, undefined, {
    timeout: CALL_TIMEOUT_MS,
  })) as CallToolResult;
  if (result.isError) throw new Error(`search_clients failed: ${JSON.stringify(result.content).slice(0, 300)}`);
  return result;
}

function textOf(result: CallToolResult): string {
  const block = result.content[0];
  return block?.type === 'text' ? block.text : '';
}

// ---------------------------------------------------------------------------------------------------------------------

log(`${quick ? 'quick' : 'full'} run: generating ${quick ? '' : 'and serving '}50,000 and 100,000 seeded clients`);
const small = generateClients(50_000, SEED);
const large = generateClients(100_000, SEED + 1);
const accounts = {
  small: { emailAddress: 'bench-50k@jobdesk.example', password: 'bench-password-50k', clients: small },
  large: { emailAddress: 'bench-100k@jobdesk.example', password: 'bench-password-100k', clients: large },
};
const sandbox = await startSandbox({ accounts: [accounts.small, accounts.large] });
const smallEnv = ourServerEnv(sandbox.baseUrl, accounts.small.emailAddress, accounts.small.password);
const largeEnv = ourServerEnv(sandbox.baseUrl, accounts.large.emailAddress, accounts.large.password);
const cleanups: Array<() => Promise<void>> = [() => sandbox.close()];

try {
  // Warm the disk cache, and let the sandbox serialize each list once, before anything is timed.
  log('warming up');
  await runBareFirstSearch(
    sandbox.baseUrl,
    accounts.small.emailAddress,
    accounts.small.password,
    FIRST_QUERY,
    CALL_TIMEOUT_MS,
  );
  await runBareFirstSearch(
    sandbox.baseUrl,
    accounts.large.emailAddress,
    accounts.large.password,
    FIRST_QUERY,
    CALL_TIMEOUT_MS,
  );
  for (const start of [() => startOurs(smallEnv), startEverything]) await (await start()).close();

  // --- start-up -----------------------------------------------------------------------------------------------------
  log(`start-up: ${plan.startupPairs} alternating pairs`);
  const startupOurs: number[] = [];
  const startupEverything: number[] = [];
  for (let i = 0; i < plan.startupPairs; i++) {
    const order = i % 2 === 0 ? (['ours', 'everything'] as const) : (['everything', 'ours'] as const);
    for (const which of order) {
      const server = which === 'ours' ? await startOurs(smallEnv) : await startEverything();
      (which === 'ours' ? startupOurs : startupEverything).push(server.startupMs);
      await server.close();
    }
  }
  addRatioRow(
    `start-up (median of ${plan.startupPairs}): spawn to initialize answered`,
    median(startupOurs),
    median(startupEverything),
    formatMs,
    0.7,
    '≤ 0.7x server-everything',
  );

  // --- first search, 50k ----------------------------------------------------------------------------------------------
  log(`first search on 50,000 clients: ${plan.firstSearchPairs} alternating pairs`);
  const firstOurs: number[] = [];
  const bareRuns: BareRun[] = [];
  const progressSeen: Array<{ downloads: number; indexed: number }> = [];
  // Where a first search spends its time, as the client sees it, in ms from the spawn.
  const phases: Record<'initialized' | 'listed' | 'firstBytes' | 'indexed', number[]> = {
    initialized: [],
    listed: [],
    firstBytes: [],
    indexed: [],
  };
  for (let i = 0; i < plan.firstSearchPairs && withinBudget('first search'); i++) {
    const order = i % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    for (const which of order) {
      if (which === 'bare') {
        bareRuns.push(
          await runBareFirstSearch(
            sandbox.baseUrl,
            accounts.small.emailAddress,
            accounts.small.password,
            FIRST_QUERY,
            CALL_TIMEOUT_MS,
          ),
        );
        continue;
      }
      const started = performance.now();
      const server = await startOurs(smallEnv);
      phases.initialized.push(server.startupMs);
      await server.client.listTools();
      phases.listed.push(performance.now() - started);
      const seen = { downloads: 0, indexed: 0 };
      const result = (await server.client.callTool(
        { name: 'search_clients', arguments: { query: FIRST_QUERY } },
        undefined,
        {
          timeout: CALL_TIMEOUT_MS,
          onprogress: (progress) => {
            const at = performance.now() - started;
            if (progress.message?.startsWith('Indexed')) {
              seen.indexed++;
              phases.indexed.push(at);
            } else {
              if (seen.downloads === 0) phases.firstBytes.push(at);
              seen.downloads++;
            }
          },
        },
      )) as CallToolResult;
      firstOurs.push(performance.now() - started);
      if (result.isError) throw new Error(`first search failed: ${textOf(result).slice(0, 300)}`);
      progressSeen.push(seen);
      await server.close();
    }
  }
  addRatioRow(
    `first search, 50k clients (median of ${firstOurs.length}): spawn, tools/list, search_clients`,
    median(firstOurs),
    median(bareRuns.map((run) => run.ms)),
    formatMs,
    1.3,
    '≤ 1.3x bare login+GET+parse+filter',
  );
  notes.push(
    `first search at 50k, medians from the spawn: initialize answered ${formatMs(median(phases.initialized))}, ` +
      `tools/list ${formatMs(median(phases.listed))}, first bytes of the list ${formatMs(median(phases.firstBytes))}, ` +
      `list parsed and indexed ${formatMs(median(phases.indexed))}, answered ${formatMs(median(firstOurs))}; ` +
      `the bare process answered in ${formatMs(median(bareRuns.map((run) => run.ms)))}, of which JSON.parse ` +
      `${formatMs(median(bareRuns.map((run) => run.parseMs)))}.`,
  );
  const lastProgress = progressSeen.at(-1);
  if (lastProgress) {
    rows.push({
      figure: 'progress notifications in a first search (download / indexed)',
      ours: `${lastProgress.downloads} / ${lastProgress.indexed}`,
      reference: '-',
      ratio: null,
      target: 'both kinds arrive',
      pass: lastProgress.downloads > 0 && lastProgress.indexed > 0,
    });
  }

  // --- responsiveness while the list loads ------------------------------------------------------------------------------
  log('event-loop stall during a first fetch');
  const smallServer = await startOurs(smallEnv);
  cleanups.push(() => smallServer.close());
  await smallServer.client.listTools();
  const pings: number[] = [];
  let loading = true;
  const firstLoad = search(smallServer, { query: FIRST_QUERY }).finally(() => (loading = false));
  // Bounded by the load itself and by a count.
  for (let i = 0; i < 5_000 && loading; i++) {
    const sent = performance.now();
    await smallServer.client.ping();
    pings.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await firstLoad;
  const bareParse = median(bareRuns.map((run) => run.parseMs));
  rows.push({
    figure: `longest ping during a first search (${pings.length} pings)`,
    ours: formatMs(Math.max(...pings)),
    reference: `${formatMs(bareParse)} (JSON.parse of the list)`,
    ratio: Math.max(...pings) / bareParse,
    target: '≤ 1.5x one JSON.parse of the list',
    pass: Math.max(...pings) <= 1.5 * bareParse,
  });

  // --- warm search, 50k -----------------------------------------------------------------------------------------------
  const smallQueries = realisticQueries(small, plan.warmQueries, SEED);
  const everything = await startEverything();
  cleanups.push(() => everything.close());
  await everything.client.listTools();
  const smallWarm = await warmSearch('50k', smallServer, everything, smallQueries, small);
  const memoryOurs = smallWarm.rssAfterFirstPass;
  addRatioRow(
    `warm search, 50k clients, median of ${smallQueries.length} (limit 20)`,
    smallWarm.oursMedian,
    smallWarm.floorMedian,
    formatMs,
    2,
    '≤ 2x the stdio floor',
  );
  addRatioRow(
    `warm search, 50k clients, p95`,
    smallWarm.oursP95,
    smallWarm.floorP95,
    formatMs,
    4,
    '≤ 4x the stdio floor (p95)',
  );
  notes.push(
    `stdio floor: server-everything's echo carrying ${smallWarm.floorMessageChars.toLocaleString('en')} characters (our median result at 50k; ` +
      `the largest result was ${smallWarm.floorMessageLargest.toLocaleString('en')}). Slowest query kind at 50k: ${smallWarm.slowestKind}.`,
  );
  addRatioRow(
    `memory: resident set after loading 50k and ${smallQueries.length} searches`,
    memoryOurs,
    median(bareRuns.map((run) => run.rssAfterParse)),
    formatMb,
    1.3,
    '≤ 1.3x bare RSS after JSON.parse',
  );
  rows.push({
    figure: 'context: bytes of the text block per returned client',
    ours: `${smallWarm.textBytesPerClient.toFixed(0)} B`,
    reference: `${smallWarm.wireBytesPerClient.toFixed(0)} B as jobdesk sent them`,
    ratio: smallWarm.textBytesPerClient / smallWarm.wireBytesPerClient,
    target: `no null or empty field, one envelope per result (${smallWarm.nullOrEmptyFields} / ${smallWarm.envelopeBytes} B)`,
    pass: smallWarm.nullOrEmptyFields === 0 && smallWarm.envelopeBytes <= 100,
  });
  await smallServer.close();

  // --- 100k ---------------------------------------------------------------------------------------------------------------
  if (!flags['skip-100k'] && withinBudget('100k')) {
    log('100,000 clients: first search');
    const largeBare = await runBareFirstSearch(
      sandbox.baseUrl,
      accounts.large.emailAddress,
      accounts.large.password,
      FIRST_QUERY,
      CALL_TIMEOUT_MS,
    );
    const started = performance.now();
    const largeServer = await startOurs(largeEnv);
    cleanups.push(() => largeServer.close());
    await largeServer.client.listTools();
    await search(largeServer, { query: FIRST_QUERY });
    const largeFirst = performance.now() - started;
    // The issue asks of 100k only that it works under the default cap; the ratio is for information.
    rows.push({
      figure: `first search, 100k clients (${formatMb(listBytes(large))} list, default 128 MB cap)`,
      ours: formatMs(largeFirst),
      reference: formatMs(largeBare.ms),
      ratio: largeFirst / largeBare.ms,
      target: 'works under the default cap',
      pass: listBytes(large) <= DEFAULT_CAP_BYTES,
    });
    const largeQueries = realisticQueries(large, plan.warmQueries, SEED + 1);
    const largeWarm = await warmSearch('100k', largeServer, everything, largeQueries, large);
    addRatioRow(
      `warm search, 100k clients, median of ${largeQueries.length}`,
      largeWarm.oursMedian,
      largeWarm.floorMedian,
      formatMs,
      3,
      '≤ 3x the stdio floor',
    );
    addRatioRow(
      `warm search, 100k clients, p95`,
      largeWarm.oursP95,
      largeWarm.floorP95,
      formatMs,
      6,
      '(p95, for information: ≤ 6x)',
    );
    addRatioRow(
      `memory: resident set after loading 100k and ${largeQueries.length} searches`,
      largeWarm.rssAfterFirstPass,
      largeBare.rssAfterParse,
      formatMb,
      1.3,
      '≤ 1.3x bare RSS after JSON.parse',
    );
    if (listBytes(large) > DEFAULT_CAP_BYTES)
      notes.push('The 100k list is larger than the default cap: the figure above used a raised cap.');
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}

printTable();

// ---------------------------------------------------------------------------------------------------------------------

interface WarmFigures {
  oursMedian: number;
  oursP95: number;
  floorMedian: number;
  floorP95: number;
  floorMessageChars: number;
  floorMessageLargest: number;
  rssAfterFirstPass: number;
  textBytesPerClient: number;
  wireBytesPerClient: number;
  nullOrEmptyFields: number;
  envelopeBytes: number;
  slowestKind: string;
}

/**
 * One untimed pass of every query (which also sizes the floor's message and the context), then a timed pass that
 * alternates each of our searches with an echo of our median result's length, so load on the machine hits both alike.
 */
async function warmSearch(
  label: string,
  ours: StartedServer,
  everything: StartedServer,
  queries: readonly RealisticQuery[],
  clients: readonly SandboxClient[],
): Promise<WarmFigures> {
  log(`warm search at ${label}: ${queries.length} queries, an untimed pass then a timed alternating pass`);
  const byId = new Map(clients.map((client) => [client['id'], client]));
  const texts: string[] = [];
  let returned = 0;
  let textBytes = 0;
  let wireBytes = 0;
  let nullOrEmptyFields = 0;
  let envelopeBytes = 0;
  for (const { query } of queries) {
    const result = await search(ours, { query });
    const text = textOf(result);
    texts.push(text);
    const page = result.structuredContent as { clients: Array<Record<string, unknown>> };
    returned += page.clients.length;
    textBytes += Buffer.byteLength(text);
    let clientBytes = 0;
    for (const client of page.clients) {
      clientBytes += Buffer.byteLength(JSON.stringify(client)) + 1;
      wireBytes += Buffer.byteLength(JSON.stringify(byId.get(client['id']) ?? {}));
      nullOrEmptyFields += countNullOrEmpty(client);
    }
    envelopeBytes = Math.max(envelopeBytes, Buffer.byteLength(text) - clientBytes);
  }
  const rssAfterFirstPass = residentSetBytes(ours.pid);
  const bySize = [...texts].sort((a, b) => a.length - b.length);
  const floorMessage = bySize[bySize.length >> 1] ?? '';

  const oursMs: number[] = [];
  const floorMs: number[] = [];
  const msByKind = new Map<string, number[]>();
  for (let i = 0; i < queries.length && withinBudget(`warm search at ${label}`); i++) {
    const entry = queries[i];
    if (entry === undefined) continue;
    const timeOurs = async (): Promise<void> => {
      const started = performance.now();
      await search(ours, { query: entry.query });
      const ms = performance.now() - started;
      oursMs.push(ms);
      msByKind.set(entry.kind, [...(msByKind.get(entry.kind) ?? []), ms]);
    };
    const timeFloor = async (): Promise<void> => {
      const started = performance.now();
      await everything.client.callTool({ name: 'echo', arguments: { message: floorMessage } });
      floorMs.push(performance.now() - started);
    };
    if (i % 2 === 0) {
      await timeOurs();
      await timeFloor();
    } else {
      await timeFloor();
      await timeOurs();
    }
  }
  const slowestKind = [...msByKind]
    .map(([kind, samples]) => ({ kind, median: median(samples) }))
    .sort((a, b) => b.median - a.median)
    .map(({ kind, median: ms }) => `${kind} ${formatMs(ms)}`)
    .slice(0, 2)
    .join(', ');
  return {
    oursMedian: median(oursMs),
    oursP95: percentile(oursMs, 0.95),
    floorMedian: median(floorMs),
    floorP95: percentile(floorMs, 0.95),
    floorMessageChars: floorMessage.length,
    floorMessageLargest: bySize.at(-1)?.length ?? 0,
    rssAfterFirstPass,
    textBytesPerClient: textBytes / Math.max(1, returned),
    wireBytesPerClient: wireBytes / Math.max(1, returned),
    nullOrEmptyFields,
    envelopeBytes,
    slowestKind,
  };
}

function countNullOrEmpty(value: unknown): number {
  if (value === null || value === '') return 1;
  if (Array.isArray(value))
    return value.length === 0 ? 1 : value.reduce((sum: number, item) => sum + countNullOrEmpty(item), 0);
  if (typeof value === 'object') {
    const entries = Object.values(value);
    return entries.length === 0 ? 1 : entries.reduce((sum: number, item) => sum + countNullOrEmpty(item), 0);
  }
  return 0;
}

function listBytes(clients: readonly SandboxClient[]): number {
  let bytes = 2;
  for (const client of clients) bytes += Buffer.byteLength(JSON.stringify(client)) + 1;
  return bytes;
}

function printTable(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `jobdesk-mcp bench (${quick ? 'quick' : 'full'}), ${new Date().toISOString()}`,
    `${cpus().length} cores, ${cpu}, Node ${process.version}, took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`,
    '',
    '| figure | ours | reference | ratio | target | pass |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.figure} | ${row.ours} | ${row.reference} | ${row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`} | ${row.target} | ${
          row.pass === null ? '-' : row.pass ? 'yes' : 'NO'
        } |`,
    ),
    '',
    ...notes.map((note) => `- ${note}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
