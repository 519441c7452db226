/**
 * The structural shape search needs. Records are loose objects: any extra fields are allowed and any field may be
 * null, undefined or missing. Because the data is untrusted, the declared types are hopes, not guarantees:
 * search reads strings and numbers and ignores anything else.
 */
export interface SearchableClient {
  contactType?: number | null | undefined;
  companyName?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  salutation?: string | null | undefined;
  website?: string | null | undefined;
  position?: string | null | undefined;
  phone?: string | null | undefined;
  mobile?: string | null | undefined;
  email?: string | null | undefined;
  department?: string | null | undefined;
  telMobile?: string | null | undefined;
  fax?: string | null | undefined;
  contactAddress?: ContactAddress | null | undefined;
  [key: string]: unknown;
}

export interface ContactAddress {
  street?: string | null | undefined;
  number?: string | null | undefined;
  poBox?: string | null | undefined;
  city?: string | null | undefined;
  zip?: string | null | undefined;
  state?: string | null | undefined;
  country?: number | null | undefined;
  type?: number | null | undefined;
}

/** How a field is compared: by its words, or by the digits of the phone number it holds. */
export type FieldKind = 'text' | 'phone';

interface Field {
  readonly key: string;
  /** Read from `contactAddress` rather than from the record itself. */
  readonly inAddress: boolean;
  readonly kind: FieldKind;
  /** Names and company rank above every other field. */
  readonly isName: boolean;
}

/** Every searched field; a field's id is its position here, and a set of fields is a bit mask of ids. */
export const FIELDS: readonly Field[] = [
  { key: 'firstName', inAddress: false, kind: 'text', isName: true },
  { key: 'lastName', inAddress: false, kind: 'text', isName: true },
  { key: 'companyName', inAddress: false, kind: 'text', isName: true },
  { key: 'salutation', inAddress: false, kind: 'text', isName: false },
  { key: 'position', inAddress: false, kind: 'text', isName: false },
  { key: 'department', inAddress: false, kind: 'text', isName: false },
  { key: 'email', inAddress: false, kind: 'text', isName: false },
  { key: 'website', inAddress: false, kind: 'text', isName: false },
  { key: 'street', inAddress: true, kind: 'text', isName: false },
  { key: 'number', inAddress: true, kind: 'text', isName: false },
  { key: 'poBox', inAddress: true, kind: 'text', isName: false },
  { key: 'zip', inAddress: true, kind: 'text', isName: false },
  { key: 'city', inAddress: true, kind: 'text', isName: false },
  { key: 'state', inAddress: true, kind: 'text', isName: false },
  { key: 'phone', inAddress: false, kind: 'phone', isName: false },
  { key: 'mobile', inAddress: false, kind: 'phone', isName: false },
  { key: 'telMobile', inAddress: false, kind: 'phone', isName: false },
  { key: 'fax', inAddress: false, kind: 'phone', isName: false },
];

/** The id of the field stored under `key`; throws on a typo, which only a programming error can cause. */
export function fieldId(key: string): number {
  const id = FIELDS.findIndex((field) => field.key === key);
  if (id < 0) throw new Error(`No searched field is called ${key}`);
  return id;
}

/** The mask holding exactly the fields named. */
export function fieldMask(...keys: string[]): number {
  return keys.reduce((mask, key) => mask | (1 << fieldId(key)), 0);
}

export const ALL_FIELDS = (1 << FIELDS.length) - 1;
export const EMAIL_FIELD = fieldId('email');
export const WEBSITE_FIELD = fieldId('website');

/**
 * The text of every field, by field id: null where a field is missing or holds something that is neither a string
 * nor a finite number, and for every address field when `contactAddress` is not an object.
 */
export function readFields(client: unknown): (string | null)[] {
  const record = isRecord(client) ? client : {};
  const address = isRecord(record['contactAddress']) ? record['contactAddress'] : {};
  return FIELDS.map((field) => asText((field.inAddress ? address : record)[field.key]));
}

/** The text of one field, as {@link readFields} reads it. */
export function readField(client: unknown, id: number): string | null {
  const field = FIELDS[id];
  if (field === undefined || !isRecord(client)) return null;
  const holder = field.inAddress ? client['contactAddress'] : client;
  return isRecord(holder) ? asText(holder[field.key]) : null;
}

/** The client's contact type as a number; numeric strings count, since untrusted exports sometimes quote numbers. */
export function readContactType(client: unknown): number | null {
  if (!isRecord(client)) return null;
  const value = client['contactType'];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'bigint') return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
