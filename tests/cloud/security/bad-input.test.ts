// Issue 9 item 2: for every action, at least 300 generated invalid payloads (tests/helpers/bad-input.ts), sent by a
// caller allowed to run it so validation is reached, each answered with a Chinese INVALID_ARGUMENT and none writing
// anything (a digest of every collection before and after); callers who may not run the action are refused for who
// they are whatever the payload.
import fc from 'fast-check';
import { ACTIONS } from '../../../cloudfunctions/api/src/actions';
import { ACCESS } from '../../../cloudfunctions/api/src/permissions';
import type { ActionName } from '../../../typings/api';
import { callRaw, seedCatalog, seedStaff } from '../../helpers/cloud';
import { badPayloads, onTheWire } from '../../helpers/bad-input';
import { storedDigest } from '../../helpers/digest';
import { A_CITIZEN, ACTION_NAMES, allowedCaller, fieldNames, ROLE_OPENID } from '../../helpers/schemas';
import type { z } from 'zod';

const RUNS = 300;
const CHINESE = /[\u4e00-\u9fff]/;

async function setUpCallers(): Promise<void> {
  await seedCatalog();
  for (const [role, openid] of Object.entries(ROLE_OPENID)) await seedStaff(openid, [role as never], role === 'handler' ? 'dept-housing' : undefined);
}

const isInvalid = (schema: z.ZodType) => (payload: unknown) => !schema.safeParse(onTheWire(payload)).success;

function summary(res: Awaited<ReturnType<typeof callRaw>>) {
  return res.ok ? { ok: true } : { ok: false, code: res.error.code, chinese: CHINESE.test(res.error.message) };
}

const counts = new Map<ActionName, number>();

afterAll(() => {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`generated bad input: ${total} invalid payloads over ${counts.size} actions (at least ${RUNS} each), 0 accepted, 0 writes`);
});

describe.each(ACTION_NAMES)('%s', (action) => {
  beforeEach(() => setUpCallers());

  test(`${RUNS} invalid payloads from an allowed caller: Chinese INVALID_ARGUMENT, nothing written`, async () => {
    const schema = ACTIONS[action].schema as z.ZodType;
    const caller = allowedCaller(action);
    const before = storedDigest();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(badPayloads(fieldNames(schema)).filter(isInvalid(schema)), async (payload) => {
        sent++;
        const res = await callRaw(caller, { action, payload });
        expect(summary(res)).toEqual({ ok: false, code: 'INVALID_ARGUMENT', chinese: true });
      }),
      { numRuns: RUNS },
    );
    counts.set(action, sent);
    expect(storedDigest()).toEqual(before);
  });

  const access = ACCESS[action];
  if (access.kind !== 'anyone') {
    test('callers who may not run it are refused for who they are, whatever the payload', async () => {
      const schema = ACTIONS[action].schema as z.ZodType;
      const before = storedDigest();
      await fc.assert(
        fc.asyncProperty(badPayloads(fieldNames(schema)), async (payload) => {
          expect(summary(await callRaw(null, { action, payload }))).toEqual({ ok: false, code: 'UNAUTHENTICATED', chinese: true });
          if (access.kind === 'roles') expect(summary(await callRaw(A_CITIZEN, { action, payload }))).toEqual({ ok: false, code: 'PERMISSION_DENIED', chinese: true });
        }),
        { numRuns: 30 },
      );
      expect(storedDigest()).toEqual(before);
    });
  }
});
