// Personal data in answers: a scan of any answer for phone numbers, contact names and OPENIDs that do not belong to
// the viewer (issue 9 item 8). Public and list answers must show none of another person's.
export interface PersonalData {
  /** OPENIDs of people other than the viewer. */
  openids: readonly string[];
  /** Contact names people gave (shown to staff and the owner only). */
  names: readonly string[];
  /** Extra phone numbers to look for besides anything shaped like a mainland mobile or landline number. */
  phones?: readonly string[];
  /** Numbers the agency publishes (its departments' office phones): public by design, not a person's. */
  published?: readonly string[];
}

/** Mainland mobile numbers (11 digits from 1[3-9]) and landlines with an area code, as people type them. */
const PHONE_SHAPES = [/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g];

/**
 * A download link's query is its expiry and signature (tools/local-cloud/storage.ts `?t=…&sign=…`): random digits
 * that can take a phone number's shape. The link's path (the file's name) is still scanned.
 */
function withoutUrlQueries(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#]+)[?#][^\s]*/g, '$1');
}

/**
 * A record's id or a hash: random hex, whose runs of digits between letters can take a landline's shape
 * ("…d09620640512e…" once in a survey's results). It is the database's, never text a person typed.
 */
const RANDOM_HEX_ID = /^[0-9a-f]{24,64}$/i;

/** Every leak of `data` in `answer`, as "kind: value at path"; [] when there is none. */
export function personalDataLeaks(answer: unknown, data: PersonalData): string[] {
  const leaks: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const text = RANDOM_HEX_ID.test(value) ? '' : withoutUrlQueries(value);
      for (const shape of PHONE_SHAPES) {
        for (const m of text.matchAll(shape)) if (!data.published?.includes(m[0])) leaks.push(`phone: ${m[0]} at ${path}`);
      }
      for (const phone of data.phones ?? []) if (value.includes(phone)) leaks.push(`phone: ${phone} at ${path}`);
      for (const openid of data.openids) if (value.includes(openid)) leaks.push(`openid: ${openid} at ${path}`);
      for (const name of data.names) if (value.includes(name)) leaks.push(`name: ${name} at ${path}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        visit(k, `${path}{key}`);
        visit(v, `${path}.${k}`);
      }
    }
  };
  visit(answer, '$');
  return [...new Set(leaks)];
}
