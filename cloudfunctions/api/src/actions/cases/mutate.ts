// The shape every case command shares: check (who, which version, which state) before any slow work, do the slow work
// (content checks, recipient lists), then check again and write in one transaction, send what it queued, and answer
// the case as case.get would. The state machine decides the status: the handler writes the grant's `to`, and the
// write is refused if it leaves any other, so the machine's exhaustive test covers every handler.
import type { CaseView } from '../../../../../typings/api';
import type { CaseDoc } from '../../domain/case-doc';
import { buildUnderMachine, type CaseCommand, type CasePass } from '../../domain/case-machine';
import type { ActionContext } from '../../lib/action';
import { errors } from '../../lib/errors';
import { requireCase, requireVisible, type CaseGrant } from '../../permissions';
import { findCase, firstEventOf, updateCase, type CaseChange } from '../../repositories/cases';
import { deliverNow } from '../../services/notifier';
import { caseEnv, type CaseEnv } from './env';
import { caseView } from './view';

export interface Mutation<X> {
  id: string;
  version: number;
  /** The command checked against the state machine; a function when the command depends on the case. */
  command: CaseCommand | ((doc: CaseDoc, env: CaseEnv) => CaseCommand);
  /** Work outside the transaction: content checks, who to notify. Its result reaches `build`. */
  prepare?: (doc: CaseDoc, env: CaseEnv) => Promise<X>;
  build: (doc: CaseDoc, pass: CasePass, env: CaseEnv, prepared: X) => CaseChange;
}

function gate(ctx: ActionContext, doc: CaseDoc | null, m: Mutation<unknown>, env: CaseEnv): CaseGrant {
  requireVisible(ctx.caller, doc);
  if (doc!.version !== m.version) throw errors.conflict();
  const command = typeof m.command === 'function' ? m.command(doc!, env) : m.command;
  return requireCase(ctx.caller, doc, command, env.now);
}

/**
 * The caller's own request, already applied: its answer was lost (a failure after the commit, a dropped connection)
 * and the client retried. It is answered with the case as it is now, not CONFLICT (docs/adr/0100).
 */
async function appliedBefore(ctx: ActionContext, current: CaseDoc | null, version: number): Promise<boolean> {
  if (!ctx.request || !current || current.version !== version + 1) return false;
  const first = await firstEventOf(current._id, current.version);
  return first?.request === ctx.request && first.actorOpenid === ctx.caller.openid;
}

/** The change with the request on its first event, for appliedBefore. */
function stamped(change: CaseChange, request: string | undefined): CaseChange {
  if (!request || change.events.length === 0) return change;
  const [first, ...rest] = change.events;
  return { ...change, events: [{ ...first!, request }, ...rest] };
}

export async function mutateCase<X = undefined>(ctx: ActionContext, m: Mutation<X>): Promise<CaseView> {
  const env = await caseEnv(ctx.now);
  const current = await findCase(m.id);
  if (await appliedBefore(ctx, current, m.version)) {
    requireVisible(ctx.caller, current);
    return caseView(current!, ctx.caller, env);
  }
  gate(ctx, current, m as Mutation<unknown>, env);
  const prepared = (m.prepare ? await m.prepare(current!, env) : undefined) as X;
  const result = await updateCase(m.id, env, (doc) =>
    stamped(buildUnderMachine(gate(ctx, doc, m as Mutation<unknown>, env), (pass) => m.build(doc, pass, env, prepared)), ctx.request),
  );
  if (!result) throw new Error('case command produced no change');
  await deliverNow(result.notificationIds, ctx.now, env.settings);
  return caseView(result.doc, ctx.caller, env);
}
