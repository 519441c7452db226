import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { DirectoryProgress } from '../directory/client-directory.js';
import type { ClientSearchCriteria } from '../search/index.js';
import { createPageWriter } from './client-page.js';
import { ConfigurationError, toolErrorResult } from './error-result.js';
import type { ToolDependencies } from './tool-dependencies.js';

function textFilter(field: string, description: string) {
  return z
    .string({ error: `${field} must be a string` })
    .max(1_000, { error: `${field} is longer than 1000 characters` })
    .optional()
    .describe(description);
}

const searchInput = {
  query: z
    .string({ error: 'query must be a string' })
    .max(100_000, { error: 'query is longer than 100000 characters: shorten it to the words that matter' })
    .optional()
    .describe(
      'Free text; every word must match somewhere in the client (name, company, position, email, website, ' +
        'phone, street, zip, city). Case, accents and German spellings do not matter (mueller = Müller), ' +
        'words match as prefixes (Gass → Gasser), longer words forgive one typo. A phone number matches ' +
        'in any format (044 123 45 67 = +41 44 123 45 67); an email or a domain (acme.ch) matches exactly.',
    ),
  companyName: textFilter('companyName', 'Only clients whose company name matches.'),
  firstName: textFilter('firstName', 'Only clients whose first name matches.'),
  lastName: textFilter('lastName', 'Only clients whose last name matches.'),
  email: textFilter('email', 'Only clients whose email matches (an address, a prefix, or a domain).'),
  phone: textFilter('phone', 'Only clients with this phone, mobile or fax number, in any format.'),
  city: textFilter('city', "Only clients whose address's city matches."),
  zip: textFilter('zip', "Only clients whose address's zip code starts with this."),
  contactType: z
    .number({ error: 'contactType must be a whole number' })
    .int({ error: 'contactType must be a whole number' })
    .min(0, { error: 'contactType must be 0 or more' })
    .max(1_000, { error: 'contactType must be at most 1000' })
    .optional()
    .describe('jobdesk contact type: 1 for people, 2 for companies.'),
  limit: z
    .number({ error: 'limit must be a whole number from 1 to 100' })
    .int({ error: 'limit must be a whole number from 1 to 100' })
    .min(1, { error: 'limit must be at least 1' })
    .max(100, { error: 'limit must be at most 100' })
    .default(20)
    .describe('Clients per page, 1-100 (default 20).'),
  offset: z
    .number({ error: 'offset must be a whole number, 0 or more' })
    .int({ error: 'offset must be a whole number, 0 or more' })
    .min(0, { error: 'offset must be 0 or more' })
    .max(10_000_000, { error: 'offset must be at most 10000000' })
    .default(0)
    .describe('How many matches to skip: pass the nextOffset of the previous page.'),
  refresh: z
    .boolean({ error: 'refresh must be true or false' })
    .default(false)
    .describe('Fetch the client list anew instead of using the copy cached for a minute.'),
};

const addressOutput = z
  .looseObject({
    street: z.string().optional(),
    number: z.string().optional(),
    poBox: z.string().optional(),
    zip: z.string().optional(),
    city: z.string().optional(),
    state: z.string().optional(),
    country: z.number().optional(),
    type: z.number().optional(),
  })
  .describe('Postal address.');

/** A client as shown. Loose, because jobdesk sends fields its docs do not name (an id, say) and we pass them on. */
export const shownClient = z.looseObject({
  contactType: z.number().optional().describe('1 person, 2 company.'),
  companyName: z.string().optional(),
  salutation: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  position: z.string().optional(),
  department: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  phone: z.string().optional(),
  mobile: z.string().optional(),
  telMobile: z.string().optional(),
  fax: z.string().optional(),
  gender: z.number().optional(),
  contactAddress: addressOutput.optional(),
});

/**
 * What the output schema declares for each client: exactly the JSON Schema of `shownClient`, so hosts check every record
 * against it, while the SDK's own zod check of each result (run on every call) sees only an object. That check cost more
 * than the search itself (bench/RESULTS.md); the records are compacted by our code, and a test holds every one of them
 * to `shownClient`.
 */
const declaredClient = z.looseObject({}).meta(jsonSchemaBody(shownClient));

function jsonSchemaBody(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...body } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' });
  return body;
}

const searchOutput = {
  total: z.number().int().describe('How many clients match, across all pages.'),
  offset: z.number().int(),
  limit: z.number().int(),
  nextOffset: z.number().int().nullable().describe('The offset of the next page, or null on the last page.'),
  clients: z.array(declaredClient).describe('This page of matches, best first. Empty fields are left out.'),
};

const CRITERIA_FIELDS = ['query', 'companyName', 'firstName', 'lastName', 'email', 'phone', 'city', 'zip'] as const;

// Progress is for people watching a spinner; a notification per network chunk would flood the host.
const PROGRESS_INTERVAL_MS = 200;

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

export function registerSearchClientsTool(server: McpServer, dependencies: ToolDependencies): void {
  const writePage = createPageWriter();
  server.registerTool(
    'search_clients',
    {
      title: 'Search jobdesk clients',
      description:
        'Finds people and companies among the jobdesk clients: by name, company, city, street, phone number, ' +
        'email or domain, in free text ("müller zürich", "044 123 45 67", "acme-bau.ch") and/or with field ' +
        'filters. Returns the matching clients with their phones, emails and addresses, best matches first, ' +
        'a page at a time. Logs in by itself when the server has credentials.',
      inputSchema: searchInput,
      outputSchema: searchOutput,
      annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true, destructiveHint: false },
    },
    async (input, extra) => {
      try {
        if (!dependencies.ready) throw new ConfigurationError(dependencies.configurationProblem);
        const progressToken = extra._meta?.progressToken;
        let lastProgressAt = 0;
        let bytesRead = 0;
        const onProgress =
          progressToken === undefined
            ? undefined
            : (progress: DirectoryProgress): void => {
                const now = Date.now();
                let notification: { progress: number; total?: number; message: string };
                if (progress.stage === 'download') {
                  bytesRead = progress.bytesRead;
                  if (now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
                  const of = progress.bytesTotal === undefined ? '' : ` of ${kilobytes(progress.bytesTotal)}`;
                  notification = {
                    progress: bytesRead,
                    ...(progress.bytesTotal === undefined ? {} : { total: progress.bytesTotal }),
                    message: `Downloading the client list: ${kilobytes(bytesRead)}${of}`,
                  };
                } else {
                  // The spec wants progress to grow with every notification: indexing counts on from the bytes read.
                  notification = {
                    progress: bytesRead + progress.clients,
                    total: bytesRead + progress.clients,
                    message: `Indexed ${progress.clients} clients`,
                  };
                }
                lastProgressAt = now;
                // Progress is best effort: a host that went away must not fail the search.
                extra
                  .sendNotification({ method: 'notifications/progress', params: { progressToken, ...notification } })
                  .catch(() => undefined);
              };
        const snapshot = await dependencies.services.directory.load({
          refresh: input.refresh,
          signal: extra.signal,
          onProgress,
        });
        const criteria: ClientSearchCriteria = {};
        for (const field of CRITERIA_FIELDS) {
          const value = input[field];
          if (value !== undefined) criteria[field] = value;
        }
        if (input.contactType !== undefined) criteria.contactType = input.contactType;
        const page = writePage(snapshot.index.search(criteria), input.offset, input.limit);
        return { structuredContent: page.structuredContent, content: [{ type: 'text', text: page.json }] };
      } catch (error) {
        return toolErrorResult(error);
      }
    },
  );
}
