/** The HTML of the sign-in page. Self-contained: no script, no external resource, one inline style under a nonce. */

export type PageState =
  | { kind: 'form'; error?: string; emailAddress?: string }
  | { kind: 'signed-in'; emailAddress: string }
  | { kind: 'closed'; reason: string };

export interface PageContext {
  /** The jobdesk host the credentials go to, shown so the user can check it. */
  jobdeskHost: string;
  /** Where the form posts: the page's own secret path. */
  formAction: string;
  /** One-time value that ties the POST to the page this process served. */
  formToken: string;
  styleNonce: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
  main { max-width: 26rem; margin: 8vh auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px #0002; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  .host { font-family: ui-monospace, monospace; background: #eef1f6; padding: .1rem .35rem; border-radius: 4px; word-break: break-all; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: .55rem .65rem; margin-top: .3rem; border: 1px solid #b8bfcc; border-radius: 6px; }
  button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: .65rem; border: 0; border-radius: 6px; background: #2255cc; color: #fff; cursor: pointer; }
  .error { background: #fdecea; color: #8a1c12; padding: .6rem .8rem; border-radius: 6px; margin-top: 1rem; }
  .ok { background: #e7f6ec; color: #14532d; padding: .6rem .8rem; border-radius: 6px; margin-top: 1rem; }
  .fine { color: #5b6475; font-size: .85rem; margin-top: 1.25rem; }
`;

export function renderSignInPage(state: PageState, context: PageContext): string {
  const host = `<span class="host">${escapeHtml(context.jobdeskHost)}</span>`;
  let body: string;
  if (state.kind === 'form') {
    const error = state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : '';
    const email = state.emailAddress ? ` value="${escapeHtml(state.emailAddress)}"` : '';
    body = `
      <h1>Sign in to jobdesk</h1>
      <p>Your email address and password go to ${host} only. Your AI assistant never sees them.</p>
      ${error}
      <form method="post" action="${escapeHtml(context.formAction)}" autocomplete="on">
        <input type="hidden" name="formToken" value="${escapeHtml(context.formToken)}">
        <label for="emailAddress">Email address</label>
        <input id="emailAddress" name="emailAddress" type="email" autocomplete="username" required maxlength="254"${email}>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
        <button type="submit">Sign in</button>
      </form>
      <p class="fine">This page is served by the jobdesk MCP server on your own computer and works once.</p>`;
  } else if (state.kind === 'signed-in') {
    body = `
      <h1>Signed in</h1>
      <p class="ok" role="status">Signed in to ${host} as <strong>${escapeHtml(state.emailAddress)}</strong>.</p>
      <p>You can close this tab and go back to your assistant.</p>`;
  } else {
    body = `
      <h1>This sign-in page is closed</h1>
      <p class="error" role="alert">${escapeHtml(state.reason)}</p>
      <p>Ask your assistant to log in to jobdesk again for a new page.</p>`;
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>Sign in to jobdesk</title>
<style nonce="${escapeHtml(context.styleNonce)}">${STYLE}</style>
</head>
<body><main>${body}
</main></body>
</html>
`;
}
