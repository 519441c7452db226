import { ElicitationCompleteNotificationSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { firstText, type RunningServer, searchPage, startStdioServer } from './stdio-harness.js';

// Debian's Chromium, headless, with the flags that keep it off the (closed) network here.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

let browser: Browser;
let sandbox: Sandbox;
let server: RunningServer | undefined;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  sandbox = await startSandbox();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What a person does on the page: read it, type, press the button. Returns the page text after submitting. */
async function signInInBrowser(
  url: string,
  emailAddress: string,
  password: string,
): Promise<{ before: string; after: string }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const externalRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(url).origin)) externalRequests.push(request.url());
    });
    await page.goto(url);
    const before = await page.locator('body').innerText();
    await page.fill('#emailAddress', emailAddress);
    await page.fill('#password', password);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
    await page.waitForSelector('h1');
    const after = await page.locator('body').innerText();
    expect(externalRequests).toEqual([]);
    return { before, after };
  } finally {
    await context.close();
  }
}

describe('signing in on the page, without the password passing through the model', () => {
  it('elicits the page by URL, signs in through Chromium, completes the elicitation, then searches', async () => {
    const elicitations: Array<{ url: string; elicitationId: string; message: string }> = [];
    const completed: string[] = [];
    let signedIn: Promise<{ before: string; after: string }> | undefined;
    server = await startStdioServer(
      { JOBDESK_BASE_URL: sandbox.baseUrl },
      {
        capabilities: { elicitation: { url: {} } },
        prepare(client) {
          client.setRequestHandler(ElicitRequestSchema, async (request) => {
            const params = request.params as { mode?: string; url: string; elicitationId: string; message: string };
            expect(params.mode).toBe('url');
            elicitations.push(params);
            // The host shows the link; the user opens it and signs in while login waits.
            signedIn = signInInBrowser(params.url, DEMO_EMAIL, DEMO_PASSWORD);
            return { action: 'accept' };
          });
          client.setNotificationHandler(ElicitationCompleteNotificationSchema, (notification) => {
            completed.push(notification.params.elicitationId);
          });
        },
      },
    );
    const login = await server.call('login');
    expect(login.isError, firstText(login)).toBeFalsy();
    expect(login.structuredContent).toMatchObject({ authenticated: true, emailAddress: DEMO_EMAIL });
    expect(elicitations).toHaveLength(1);
    const elicitation = elicitations[0]!;
    expect(elicitation.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sign-in\/[A-Za-z0-9_-]{43}$/);
    expect(elicitation.message).toContain(new URL(sandbox.baseUrl).host);
    const pages = await signedIn!;
    expect(pages.before).toContain(new URL(sandbox.baseUrl).host);
    expect(pages.after).toMatch(/Signed in/);
    await expect.poll(() => completed).toEqual([elicitation.elicitationId]);

    expect(searchPage(await server.call('search_clients', { query: 'müller zürich' })).total).toBeGreaterThan(0);
    // The model saw neither the password nor anything that grants access once the page is used.
    expect(server.resultTexts().join('\n')).not.toContain(DEMO_PASSWORD);
    expect(server.stderr()).not.toContain(DEMO_PASSWORD);
    expect(server.stderr()).not.toContain(elicitation.url);
    // Single use: the listener is closed after the sign-in.
    await expect(fetch(elicitation.url)).rejects.toThrow();
  });

  it('hands a host without URL elicitation the link in the result, and the sign-in still works', async () => {
    server = await startStdioServer({ JOBDESK_BASE_URL: sandbox.baseUrl });
    const login = await server.call('login');
    expect(login.isError).toBeFalsy();
    const pending = login.structuredContent as { authenticated: boolean; signInUrl: string };
    expect(pending.authenticated).toBe(false);
    expect(firstText(login)).toContain(pending.signInUrl);
    const again = await server.call('login');
    expect((again.structuredContent as { signInUrl: string }).signInUrl).toBe(pending.signInUrl);

    const wrong = await signInInBrowser(pending.signInUrl, DEMO_EMAIL, 'not-the-password');
    expect(wrong.after).toMatch(/rejected the email address or password/);
    const right = await signInInBrowser(pending.signInUrl, DEMO_EMAIL, DEMO_PASSWORD);
    expect(right.after).toMatch(/Signed in/);

    expect(searchPage(await server.call('search_clients', { query: 'meier' })).total).toBeGreaterThan(0);
    expect(server.resultTexts().join('\n')).not.toContain(DEMO_PASSWORD);
  });

  it('reports a declined sign-in as an error the model should not retry on its own', async () => {
    server = await startStdioServer(
      { JOBDESK_BASE_URL: sandbox.baseUrl },
      {
        capabilities: { elicitation: { url: {} } },
        prepare(client) {
          client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }));
        },
      },
    );
    const login = await server.call('login');
    expect(login.isError).toBe(true);
    expect(firstText(login)).toMatch(/declined/);
  });
});
