// The reference for the first search: what a bare Node process does at the least to answer it. Node built-ins only:
// log in, GET the list, JSON.parse it, filter once by substring. Prints one JSON line and exits.
//   node dist-bench/bare-first-search.js <baseUrl> <email> <password> <substring>
import { request } from 'node:http';

function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const [baseUrl = '', emailAddress = '', password = '', substring = ''] = process.argv.slice(2);
const login = await send(
  `${baseUrl}/api/account/login`,
  'POST',
  { 'content-type': 'application/json' },
  JSON.stringify({ emailAddress, password }),
);
const { token } = JSON.parse(login.toString('utf8')) as { token: string };
const body = await send(`${baseUrl}/api/Client`, 'GET', { authorization: `Bearer ${token}` });
const parseStarted = performance.now();
const clients = JSON.parse(body.toString('utf8')) as Array<{ lastName?: string | null }>;
const parseMs = performance.now() - parseStarted;
const rssAfterParse = process.memoryUsage.rss();
const needle = substring.toLowerCase();
const hits = clients.filter((client) => (client.lastName ?? '').toLowerCase().includes(needle));
process.stdout.write(`${JSON.stringify({ clients: clients.length, hits: hits.length, parseMs, rssAfterParse })}\n`);
