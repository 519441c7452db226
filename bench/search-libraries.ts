// npm run bench:search [-- --quick]
// Measures the well-kept search libraries against the matching rules of issue 2 and the targets of issue 4, beside the
// hand-written index in src/search: build time, warm query time, memory of the index, and agreement with the reference
// matcher (src/search/reference-matcher.ts), the oracle of the tests. Each library runs in a child process of its own so
// that its memory is measured alone.
//
// Fairness: every library gets the same input, already folded by src/search/fold.ts (lower case, accents off, German
// ü → ue as a second form), and the same parsed query terms (src/search/parse-criteria.ts), so what is compared is the
// index: how it finds words exactly, as prefixes and within one typo, phone digits, addresses and domains, and ranks.
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import Fuse, { type Expression } from 'fuse.js';
import MiniSearch, { type Query as MiniSearchQuery } from 'minisearch';
import { generateClients, type SandboxClient } from '../src/sandbox/index.js';
import { EMAIL_FIELD, FIELDS, WEBSITE_FIELD, readFields } from '../src/search/client-fields.js';
import { buildClientIndex } from '../src/search/client-index.js';
import { wordsOf } from '../src/search/fold.js';
import { parseCriteria } from '../src/search/parse-criteria.js';
import { normalizePhoneNumber } from '../src/search/phone-number.js';
import { createScanner } from '../src/search/reference-matcher.js';
import type { Term } from '../src/search/term.js';
import { emailAddressesOf, hostOfEmailAddress, hostOfWebsite } from '../src/search/web-address.js';
import { realisticQueries } from './realistic-queries.js';
import { median, percentile } from './statistics.js';

const LIBRARIES = ['hand-written', 'minisearch', 'flexsearch', 'orama', 'fuse.js'] as const;
type Library = (typeof LIBRARIES)[number];
const SEED = 42;
const QUERY_COUNT = 200;
/** Per library and size; a slow library answers fewer queries rather than stretching the run. */
const QUERY_BUDGET_MS = 20_000;
const CHILD_TIMEOUT_MS = 180_000;

interface Searcher {
  /** Ids of every match, best first. */
  search(query: string): number[];
}

interface ChildResult {
  library: Library;
  clients: number;
  buildMs: number;
  indexBytes: number;
  queries: number;
  queryMedianMs: number;
  queryP95Ms: number;
  /** Of the realistic queries checked, how many found exactly the reference's matches, and the same first 20. */
  sameMatches: number;
  sameFirstPage: number;
  checked: number;
  /** Per rule: the same matches as the reference, and the same first page in the same order. */
  rules: Array<{ rule: string; sameMatches: boolean; sameOrder: boolean }>;
  /** Of buildMs, the time spent folding the clients for the library (the hand-written index folds inside). */
  foldMs: number;
}

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    child: { type: 'string' },
    clients: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
  strict: true,
});

// --- the parent: one child per library and size, then a table -----------------------------------------------------

async function runParent(quick: boolean): Promise<void> {
  const sizes = quick ? [50_000] : [50_000, 100_000];
  const results: ChildResult[] = [];
  const script = fileURLToPath(import.meta.url);
  for (const clients of sizes) {
    for (const library of LIBRARIES) {
      process.stderr.write(`[search-libraries] ${library} on ${clients.toLocaleString('en')} clients\n`);
      const args = [
        '--expose-gc',
        script,
        '--child',
        library,
        '--clients',
        String(clients),
        ...(clients === 50_000 ? ['--check'] : []),
      ];
      try {
        const { stdout } = await promisify(execFile)(process.execPath, args, {
          timeout: CHILD_TIMEOUT_MS,
          maxBuffer: 1024 * 1024,
        });
        results.push(JSON.parse(stdout) as ChildResult);
      } catch (error) {
        process.stderr.write(
          `[search-libraries] ${library} failed: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}\n`,
        );
      }
    }
  }
  const count = (rules: ChildResult['rules'], key: 'sameMatches' | 'sameOrder'): string =>
    rules.length === 0 ? '-' : `${rules.filter((rule) => rule[key]).length}/${rules.length}`;
  const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
  const lines = [
    `search libraries against issue 2's rules, ${new Date().toISOString()}`,
    `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
    '',
    '| library | clients | build ms (of it folding) | index memory | query median ms | query p95 ms | queries timed | realistic queries: same matches as the rules | same first page | rule checks: same matches | same order |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.library} | ${r.clients.toLocaleString('en')} | ${ms(r.buildMs)}${r.foldMs > 0 ? ` (${ms(r.foldMs)})` : ''} | ${mb(r.indexBytes)} | ${ms(
          r.queryMedianMs,
        )} | ${ms(r.queryP95Ms)} | ${r.queries} | ${r.checked === 0 ? '-' : `${r.sameMatches}/${r.checked}`} | ${
          r.checked === 0 ? '-' : `${r.sameFirstPage}/${r.checked}`
        } | ${count(r.rules, 'sameMatches')} | ${count(r.rules, 'sameOrder')} |`,
    ),
    '',
    'Rule checks whose matches differ from the rules (50,000 clients):',
    ...results
      .filter((r) => r.rules.length > 0)
      .map(
        (r) =>
          `- ${r.library}: ${
            r.rules
              .filter((rule) => !rule.sameMatches)
              .map((rule) => rule.rule)
              .join('; ') || 'none'
          }`,
      ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// --- a child: one library, one size --------------------------------------------------------------------------------

async function runChild(library: Library, count: number, check: boolean): Promise<ChildResult> {
  // Parsed from JSON, as the server holds them.
  const clients = JSON.parse(JSON.stringify(generateClients(count, SEED))) as SandboxClient[];
  const queries = realisticQueries(clients, QUERY_COUNT, SEED).map((entry) => entry.query);
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const used = (): number => {
    collect();
    collect();
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const before = used();
  const started = performance.now();
  const { searcher, foldMs } = await build(library, clients);
  const buildMs = performance.now() - started;
  const indexBytes = used() - before;

  const times: number[] = [];
  const budgetEnds = performance.now() + QUERY_BUDGET_MS;
  for (const query of queries) {
    if (performance.now() > budgetEnds) break;
    const queryStarted = performance.now();
    searcher.search(query);
    times.push(performance.now() - queryStarted);
  }

  let sameMatches = 0;
  let sameFirstPage = 0;
  let checked = 0;
  const rules: ChildResult['rules'] = [];
  if (check) {
    const oracle = createScanner(clients);
    const expected = (query: string): number[] => oracle({ query }).map((client) => Number(client['id']));
    // Half the realistic queries, spread over every kind, keep the reference scan within the time budget.
    for (const query of queries.filter((_, i) => i % 2 === 0).slice(0, times.length)) {
      const want = expected(query);
      const got = searcher.search(query);
      checked++;
      if (sameSet(want, got)) sameMatches++;
      if (want.slice(0, 20).join() === got.slice(0, 20).join()) sameFirstPage++;
    }
    for (const { rule, query } of ruleQueries(clients)) {
      const want = expected(query);
      const got = searcher.search(query);
      const sameMatches = want.length > 0 && sameSet(want, got);
      rules.push({ rule, sameMatches, sameOrder: sameMatches && want.slice(0, 20).join() === got.slice(0, 20).join() });
    }
  }
  return {
    library,
    clients: count,
    buildMs,
    indexBytes,
    queries: times.length,
    queryMedianMs: median(times),
    queryP95Ms: percentile(times, 0.95),
    sameMatches,
    sameFirstPage,
    checked,
    rules,
    foldMs,
  };
}

/** Queries that each exercise one rule of issue 2, drawn from the data so that each has an answer. */
function ruleQueries(clients: readonly SandboxClient[]): Array<{ rule: string; query: string }> {
  const find = (holds: (client: SandboxClient) => boolean): SandboxClient | undefined => clients.find(holds);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const withPhone = find((client) => /^\+41 \d\d \d{3} \d\d \d\d$/.test(text(client['phone'])));
  const phone = text(withPhone?.['phone']);
  const withSite = find((client) => /^https:\/\/www\./.test(text(client['website'])));
  const site = text(withSite?.['website']).replace(/^https:\/\/www\./, '');
  const withEmail = find((client) => text(client['email']).includes('.') && text(client['firstName']) !== '');
  return [
    { rule: 'case and accents: muller finds Müller', query: 'muller' },
    { rule: 'German spelling: mueller = Müller', query: 'mueller' },
    { rule: 'German spelling: zuerich = Zürich', query: 'zuerich' },
    { rule: 'accents: geneve finds Genève', query: 'geneve' },
    { rule: 'prefix: Gass finds Gasser', query: 'Gass' },
    { rule: 'one typo: Bruner finds Brunner', query: 'Bruner' },
    { rule: 'one swap: Mieer finds Meier', query: 'Mieer' },
    { rule: 'ranking: meier lists Meier before Meyer', query: 'meier' },
    { rule: 'no typo under 5 letters: Maier', query: 'Maie' },
    { rule: 'phone in another format', query: `0${phone.slice(4)}` },
    { rule: 'phone digits anywhere', query: phone.replace(/\D/g, '').slice(4, 11) },
    { rule: 'domain finds email and website', query: site },
    { rule: 'email address', query: text(withEmail?.['email']) },
    { rule: 'name and city', query: 'müller zürich' },
    { rule: 'street and zip', query: 'bahnhofstrasse 8001' },
  ];
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

// --- adapters ------------------------------------------------------------------------------------------------------

/** A client as the libraries see it: each field group as space-separated folded words, one token per address. */
interface FoldedClient {
  id: number;
  names: string;
  other: string;
  emails: string;
  hosts: string;
  phones: string;
}

function foldClient(client: SandboxClient): FoldedClient {
  const texts = readFields(client);
  const names: string[] = [];
  const other: string[] = [];
  const emails: string[] = [];
  const hosts: string[] = [];
  const phones: string[] = [];
  FIELDS.forEach((field, id) => {
    const value = texts[id];
    if (value === null || value === undefined) return;
    if (field.kind === 'phone') {
      const number = normalizePhoneNumber(value);
      if (number !== '') phones.push(number);
      return;
    }
    (field.isName ? names : other).push(...wordsOf(value).flat());
    if (id === EMAIL_FIELD) {
      for (const address of emailAddressesOf(value)) {
        emails.push(address);
        hosts.push(...hostAndParents(hostOfEmailAddress(address)));
      }
    }
    if (id === WEBSITE_FIELD) hosts.push(...hostAndParents(hostOfWebsite(value)));
  });
  return {
    id: Number(client['id']),
    names: names.join(' '),
    other: other.join(' '),
    emails: emails.join(' '),
    hosts: hosts.join(' '),
    phones: phones.join(' '),
  };
}

function hostAndParents(host: string | null): string[] {
  const found: string[] = [];
  for (let suffix = host; suffix !== null && suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1))
    found.push(suffix);
  return found;
}

/** The clients in both, with their scores summed; `so far` undefined stands for everyone (the first term). */
function intersect(soFar: Map<number, number> | undefined, next: Map<number, number>): Map<number, number> {
  const both = new Map<number, number>();
  for (const [id, score] of next) {
    if (soFar === undefined) both.set(id, score);
    else if (soFar.has(id)) both.set(id, score + (soFar.get(id) ?? 0));
  }
  return both;
}

/** Best score first; ties in list order, as ids follow it. */
function ranked(scores: Map<number, number> | undefined): number[] {
  return [...(scores ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
}

const termsOf = (query: string): readonly Term[] => parseCriteria({ query }).terms;
const forgivesTypo = (form: string): boolean => form.length >= 5 && !/\d/.test(form);
const spaces = (text: string): string[] => text.split(' ').filter((token) => token !== '');

async function build(
  library: Library,
  clients: readonly SandboxClient[],
): Promise<{ searcher: Searcher; foldMs: number }> {
  if (library === 'hand-written') {
    const index = buildClientIndex(clients);
    return {
      searcher: { search: (query) => index.search({ query }).map((client) => Number(client['id'])) },
      foldMs: 0,
    };
  }
  const started = performance.now();
  const folded = clients.map(foldClient);
  const foldMs = performance.now() - started;
  switch (library) {
    case 'minisearch':
      return { searcher: buildMiniSearch(folded), foldMs };
    case 'flexsearch':
      return { searcher: buildFlexSearch(folded), foldMs };
    case 'orama':
      return { searcher: await buildOrama(folded), foldMs };
    case 'fuse.js':
      return { searcher: buildFuse(folded), foldMs };
  }
}

// MiniSearch: one query tree, AND over terms, OR over a term's forms and kinds; prefix everywhere, fuzzy 1 (Levenshtein:
// a swap costs 2) for words of five letters or more, names boosted. Phone fragments can only match as prefixes.
function buildMiniSearch(folded: FoldedClient[]): Searcher {
  const index = new MiniSearch<FoldedClient>({
    fields: ['names', 'other', 'emails', 'hosts', 'phones'],
    tokenize: spaces,
    processTerm: (term) => term,
    searchOptions: { tokenize: spaces, processTerm: (term) => term },
  });
  index.addAll(folded);
  return {
    search(query) {
      const queries: MiniSearchQuery[] = termsOf(query).map((term) => {
        const alternatives: MiniSearchQuery[] = [];
        if (term.words.length > 0) {
          alternatives.push({
            queries: [...term.words],
            fields: ['names', 'other'],
            prefix: true,
            fuzzy: (word: string) => (forgivesTypo(word) ? 1 : false),
            boost: { names: 2 },
          });
        }
        if (term.phone !== null) alternatives.push({ queries: [term.phone.digits], fields: ['phones'], prefix: true });
        if (term.email !== null) alternatives.push({ queries: [term.email], fields: ['emails'], prefix: true });
        if (term.domain !== null) alternatives.push({ queries: [term.domain], fields: ['hosts'] });
        return { queries: alternatives, combineWith: 'OR' };
      });
      if (queries.length === 0) return [];
      return index.search({ queries, combineWith: 'AND' }).map((hit) => Number(hit.id));
    },
  };
}

// FlexSearch: an index per field group with forward (prefix) tokenization; it has no edit-distance typo tolerance, so
// typos are not found. It returns ids without scores: names-before-others is composed here, then FlexSearch's order.
function buildFlexSearch(folded: FoldedClient[]): Searcher {
  const groups = ['names', 'other', 'emails', 'hosts', 'phones'] as const;
  const indexes = new Map(
    groups.map((group) => [
      group,
      new FlexSearch.Index({ tokenize: group === 'hosts' ? 'strict' : 'forward', encode: spaces, cache: false }),
    ]),
  );
  for (const client of folded)
    for (const group of groups) if (client[group] !== '') indexes.get(group)?.add(client.id, client[group]);
  const lookup = (group: (typeof groups)[number], token: string): number[] =>
    (indexes.get(group)?.search(token, { limit: 1_000_000 }) ?? []) as number[];
  return {
    search(query) {
      const terms = termsOf(query);
      if (terms.length === 0) return [];
      let scores: Map<number, number> | undefined;
      for (const term of terms) {
        const best = new Map<number, number>();
        const note = (ids: number[], score: number): void =>
          ids.forEach((id) => best.set(id, Math.max(best.get(id) ?? 0, score)));
        for (const word of term.words) {
          note(lookup('names', word), 2);
          note(lookup('other', word), 1);
        }
        if (term.phone !== null) note(lookup('phones', term.phone.digits), 1);
        if (term.email !== null) note(lookup('emails', term.email), 1);
        if (term.domain !== null) note(lookup('hosts', term.domain), 1);
        scores = intersect(scores, best);
      }
      return ranked(scores);
    },
  };
}

// Orama: one search per term (its tolerance is per search, and typos must only apply to words of five letters or more),
// intersected here and ranked by the sum of Orama's scores. Prefixes are Orama's default; tolerance is Levenshtein.
async function buildOrama(folded: FoldedClient[]): Promise<Searcher> {
  const db = create({
    schema: { names: 'string', other: 'string', emails: 'string', hosts: 'string', phones: 'string' } as const,
    components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: spaces } },
  });
  await insertMultiple(
    db,
    folded.map((client) => ({ ...client, id: String(client.id) })),
    1_000,
  );
  const find = (
    term: string,
    properties: Array<'names' | 'other' | 'emails' | 'hosts' | 'phones'>,
    tolerance: number,
    exact: boolean,
  ) => {
    const found = oramaSearch(db, { term, properties, tolerance, exact, limit: 1_000_000, boost: { names: 2 } });
    if (found instanceof Promise) throw new Error('orama searched asynchronously');
    return found.hits.map((hit) => ({ id: Number(hit.id), score: hit.score }));
  };
  return {
    search(query) {
      const terms = termsOf(query);
      if (terms.length === 0) return [];
      let scores: Map<number, number> | undefined;
      for (const term of terms) {
        const best = new Map<number, number>();
        const note = (hits: Array<{ id: number; score: number }>): void =>
          hits.forEach((hit) => best.set(hit.id, Math.max(best.get(hit.id) ?? 0, hit.score)));
        for (const word of term.words) note(find(word, ['names', 'other'], forgivesTypo(word) ? 1 : 0, false));
        if (term.phone !== null) note(find(term.phone.digits, ['phones'], 0, false));
        if (term.email !== null) note(find(term.email, ['emails'], 0, false));
        if (term.domain !== null) note(find(term.domain, ['hosts'], 0, true));
        scores = intersect(scores, best);
      }
      return ranked(scores);
    },
  };
}

// Fuse.js: approximate (Bitap) matching over whole field strings, AND over terms with its extended logical queries.
// It scans every client on every query; its fuzziness is a score threshold, not "one typo in words of five letters".
function buildFuse(folded: FoldedClient[]): Searcher {
  const fuse = new Fuse(folded, {
    keys: [{ name: 'names', weight: 2 }, 'other', 'emails', 'hosts', 'phones'],
    ignoreLocation: true,
    threshold: 0.2,
    useExtendedSearch: true,
    includeScore: true,
  });
  return {
    search(query) {
      const terms = termsOf(query);
      if (terms.length === 0) return [];
      const expression: Expression = {
        $and: terms.map((term) => ({
          $or: [
            ...term.words.flatMap((word) => [{ names: word }, { other: word }]),
            ...(term.phone === null ? [] : [{ phones: `'${term.phone.digits}` }]),
            ...(term.email === null ? [] : [{ emails: `'${term.email}` }]),
            ...(term.domain === null ? [] : [{ hosts: `'${term.domain}` }]),
          ],
        })),
      };
      return fuse.search(expression).map((hit) => hit.item.id);
    },
  };
}

// Last, so that every helper above is defined before it runs.
if (flags.child !== undefined) {
  const result = await runChild(flags.child as Library, Number(flags.clients), flags.check === true);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await runParent(flags.quick === true);
}
