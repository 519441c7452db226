import { z } from 'zod';

/** Credentials for one jobdesk account. They live in process memory only. */
export interface JobdeskCredentials {
  emailAddress: string;
  password: string;
}

export interface JobdeskConfig {
  /** The tenant's origin plus any path prefix, without a trailing slash. */
  baseUrl: URL;
  /** Set only when both JOBDESK_EMAIL and JOBDESK_PASSWORD are. */
  credentials?: JobdeskCredentials;
  timeoutMs: number;
  cacheTtlSeconds: number;
  maxResponseBytes: number;
}

export type ConfigResult = { ok: true; config: JobdeskConfig } | { ok: false; problem: string };

/** Every variable the server reads; server.json and the README list exactly these. */
export const CONFIG_VARIABLES = [
  'JOBDESK_BASE_URL',
  'JOBDESK_EMAIL',
  'JOBDESK_PASSWORD',
  'JOBDESK_TIMEOUT_MS',
  'JOBDESK_CACHE_TTL_SECONDS',
  'JOBDESK_MAX_RESPONSE_MB',
] as const;

const LOOPBACK_HOSTNAMES = new Set(['localhost', '[::1]', '::1']);

/** Plain http would send the password and token in clear text; only the machine itself is exempt. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_HOSTNAMES.has(host) || host.endsWith('.localhost')) return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

// An MCP Bundle host may pass an optional field the user left empty as "" or as its unfilled template.
const UNFILLED_TEMPLATE = /^\$\{user_config\.[A-Za-z0-9_]+\}$/;

function isUnset(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && (value.trim() === '' || UNFILLED_TEMPLATE.test(value)));
}

function blankToUndefined(value: unknown): unknown {
  return isUnset(value) ? undefined : value;
}

function integerVariable(name: string, fallback: number, min: number, max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((raw, context) => {
        if (raw === undefined) return fallback;
        const value = Number(raw.trim());
        if (!Number.isInteger(value) || value < min || value > max) {
          context.addIssue({
            code: 'custom',
            message: `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
          });
          return z.NEVER;
        }
        return value;
      }),
  );
}

const baseUrlVariable = z.preprocess(
  blankToUndefined,
  z
    .string({
      error: 'JOBDESK_BASE_URL is not set: set it to your jobdesk address, e.g. https://yourcompany.jobdesk.ch',
    })
    .transform((raw, context) => {
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        context.addIssue({
          code: 'custom',
          message: `JOBDESK_BASE_URL is not a valid URL ("${raw}"): set it to your jobdesk address, e.g. https://yourcompany.jobdesk.ch`,
        });
        return z.NEVER;
      }
      const loopback = isLoopbackHostname(url.hostname);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        context.addIssue({
          code: 'custom',
          message: `JOBDESK_BASE_URL must use https (got ${url.protocol}//${url.host}); plain http is allowed only for localhost, 127.0.0.1 and ::1`,
        });
        return z.NEVER;
      }
      if (url.username || url.password) {
        context.addIssue({
          code: 'custom',
          message:
            'JOBDESK_BASE_URL must not contain a user name or password: set JOBDESK_EMAIL and JOBDESK_PASSWORD instead',
        });
        return z.NEVER;
      }
      // Query and fragment have no meaning for an API root and would corrupt joined paths.
      url.search = '';
      url.hash = '';
      url.pathname = url.pathname.replace(/\/+$/, '');
      return url;
    }),
);

const environmentSchema = z
  .object({
    JOBDESK_BASE_URL: baseUrlVariable,
    JOBDESK_EMAIL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .pipe(z.email({ error: 'JOBDESK_EMAIL is not a valid email address' }))
        .optional(),
    ),
    // Not trimmed: a password may legitimately start or end with a space.
    JOBDESK_PASSWORD: z.preprocess(
      (value) => (value === '' || (typeof value === 'string' && UNFILLED_TEMPLATE.test(value)) ? undefined : value),
      z.string().optional(),
    ),
    JOBDESK_TIMEOUT_MS: integerVariable('JOBDESK_TIMEOUT_MS', 15_000, 100, 600_000),
    JOBDESK_CACHE_TTL_SECONDS: integerVariable('JOBDESK_CACHE_TTL_SECONDS', 60, 0, 86_400),
    JOBDESK_MAX_RESPONSE_MB: integerVariable('JOBDESK_MAX_RESPONSE_MB', 128, 1, 4_096),
  })
  .superRefine((environment, context) => {
    const hasEmail = environment.JOBDESK_EMAIL !== undefined;
    const hasPassword = environment.JOBDESK_PASSWORD !== undefined;
    if (hasEmail !== hasPassword) {
      context.addIssue({
        code: 'custom',
        path: [hasEmail ? 'JOBDESK_PASSWORD' : 'JOBDESK_EMAIL'],
        message: hasEmail
          ? 'JOBDESK_EMAIL is set but JOBDESK_PASSWORD is not: set both, or neither and use the login tool'
          : 'JOBDESK_PASSWORD is set but JOBDESK_EMAIL is not: set both, or neither and use the login tool',
      });
    }
  });

/**
 * Reads the server's configuration from an environment once. Never throws: a bad configuration is
 * reported as a problem the server repeats on every tool call, since hosts often hide stderr.
 */
export function loadConfig(environment: Readonly<Record<string, string | undefined>>): ConfigResult {
  const picked = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, environment[name]]));
  const parsed = environmentSchema.safeParse(picked);
  if (!parsed.success) {
    // Messages are our own and never echo the password; a zod default message could, so name the field instead.
    const problems = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      if (field === 'JOBDESK_PASSWORD' && issue.code !== 'custom') return 'JOBDESK_PASSWORD is not valid';
      return issue.message.startsWith('JOBDESK_') ? issue.message : `${field}: ${issue.message}`;
    });
    return { ok: false, problem: `The jobdesk MCP server is not configured correctly: ${problems.join('; ')}.` };
  }
  const environmentValues = parsed.data;
  const config: JobdeskConfig = {
    baseUrl: environmentValues.JOBDESK_BASE_URL,
    timeoutMs: environmentValues.JOBDESK_TIMEOUT_MS,
    cacheTtlSeconds: environmentValues.JOBDESK_CACHE_TTL_SECONDS,
    maxResponseBytes: environmentValues.JOBDESK_MAX_RESPONSE_MB * 1024 * 1024,
  };
  if (environmentValues.JOBDESK_EMAIL !== undefined && environmentValues.JOBDESK_PASSWORD !== undefined) {
    config.credentials = {
      emailAddress: environmentValues.JOBDESK_EMAIL,
      password: environmentValues.JOBDESK_PASSWORD,
    };
  }
  return { ok: true, config };
}
