/**
 * The members of a leadership collective (src/db/queries/collective-members.ts): seating a position
 * or ending its seat moves the collective's evaluations in the cycles the seat touches one version on,
 * with the change in their history (src/services/fact-history.ts).
 */
import type { Db } from '../db/create-db.js';
import { getCollective } from '../db/queries/collectives.js';
import { addCollectiveMember, type CollectiveMember, type CollectiveMemberInput, endCollectiveMember, listCollectiveMembers } from '../db/queries/collective-members.js';
import { inTransaction } from '../db/queries/common.js';
import { nowIso } from '../db/ids.js';
import { evaluationsOfCollective, recordFactChange } from './fact-history.js';

const memberText = (m: CollectiveMember) =>
  JSON.stringify({ id: m.id, cardNumber: m.cardNumber, fullName: m.fullName, unitCode: m.unitCode, positionGroup: m.positionGroup, title: m.title, validFrom: m.validFrom, validTo: m.validTo, documentNumber: m.documentNumber });

export const listMembers = listCollectiveMembers;

/** Seats a position on the collective and records it in the collective's evaluations. */
export async function addMember(db: Db, input: Omit<CollectiveMemberInput, 'at'>): Promise<CollectiveMember> {
  return inTransaction(db, async (trx) => {
    const at = nowIso();
    const member = await addCollectiveMember(trx, { ...input, at });
    const collective = await getCollective(trx, input.collectiveCode);
    const ids = await evaluationsOfCollective(trx, collective.id, member.validFrom, member.validTo);
    await recordFactChange(trx, ids, { field: 'collectiveMember', oldValue: null, newValue: memberText(member) }, input.actor, at);
    return member;
  });
}

/** Ends a seat and records it in the evaluations of the cycles it touched. */
export async function endMember(db: Db, input: { collectiveCode: string; memberId: string; validTo: string; reason?: string | undefined; actor: string }): Promise<CollectiveMember> {
  return inTransaction(db, async (trx) => {
    const before = (await listCollectiveMembers(trx, input.collectiveCode)).find((m) => m.id === input.memberId);
    const member = await endCollectiveMember(trx, input);
    const collective = await getCollective(trx, input.collectiveCode);
    const ids = await evaluationsOfCollective(trx, collective.id, member.validFrom, before?.validTo ?? null);
    await recordFactChange(trx, ids, { field: 'collectiveMember', oldValue: before ? memberText(before) : null, newValue: memberText(member), reason: input.reason }, input.actor, nowIso());
    return member;
  });
}
