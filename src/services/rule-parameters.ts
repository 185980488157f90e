/**
 * A cycle's rule-set parameters (GUIDE.md §3: the "(verify)" values and the cap are parameters with
 * the documented default): the administrator stores a patch, checked against the parameter schema
 * and the cycle's rule set; the grading context applies it (src/services/grading-context.ts).
 */
import { getRuleSet } from '../domain/rules/rule-set.js';
import { applyRuleParameters, parseRuleParameters } from '../domain/rules/parameters.js';
import type { Db } from '../db/create-db.js';
import { inTransaction } from '../db/queries/common.js';
import { putCycleParameters } from '../db/queries/cycle-parameters.js';
import { bumpCycleVersion, getCycle } from '../db/queries/cycles.js';
import { getCycleParameters } from '../db/queries/cycle-parameters.js';
import { nowIso } from '../db/ids.js';
import { AppError } from '../domain/errors.js';
import { knownUnitCodes } from '../db/queries/cycle-parameters.js';

/** Every outstanding unit (and every unit of a cap group) must exist: ValidationFailed naming parameters.outstandingUnits.N (capGroups.G.units.N). */
async function checkUnitCodes(db: Db, codes: readonly string[], field = 'parameters.outstandingUnits'): Promise<void> {
  const known = await knownUnitCodes(db, codes);
  const i = codes.findIndex((c) => !known.has(c));
  if (i < 0) return;
  throw new AppError(
    'ValidationFailed',
    { vi: `Tham số «${field}.${i}»: không có đơn vị mã «${codes[i]}».`, en: `Parameter "${field}.${i}": no unit with code "${codes[i]}".` },
    { field: `${field}.${i}` },
  );
}

/**
 * Replaces a cycle's parameters ({} restores the defaults); returns the patch and the caps now in
 * force. `version`: the cycle's version the caller read (stale: Conflict, nothing stored).
 */
export async function setCycleParameters(db: Db, input: { cycleYear: number; period?: string | undefined; parameters: unknown; actor: string; version?: number | undefined }) {
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, { year: input.cycleYear, period: input.period });
    const base = getRuleSet(cycle.ruleSet);
    const params = parseRuleParameters(base, input.parameters);
    await checkUnitCodes(trx, params.outstandingUnits ?? []);
    for (const [g, group] of (params.capGroups ?? []).entries()) await checkUnitCodes(trx, group.units, `parameters.capGroups.${g}.units`);
    await bumpCycleVersion(trx, cycle, input.version);
    await putCycleParameters(trx, { cycleId: cycle.id, patch: params, at: nowIso(), actor: input.actor });
    const ruleSet = applyRuleParameters(base, params);
    return { cycle: { year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet, version: cycle.version + 1 }, parameters: params, caps: ruleSet.caps };
  });
}

/** A cycle's stored parameters (the patch, {} for the defaults), the caps in force and the cycle's version. */
export async function getCycleParameterView(db: Db, input: { cycleYear: number; period?: string | undefined }) {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const base = getRuleSet(cycle.ruleSet);
  const stored = await getCycleParameters(db, cycle.id);
  const params = stored ? parseRuleParameters(base, stored.patch) : {};
  const ruleSet = applyRuleParameters(base, params);
  return {
    cycle: { year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet, version: cycle.version },
    parameters: params,
    caps: ruleSet.caps,
    /** The readings of ambiguous sources in force (src/domain/rules/readings.ts). */
    readings: ruleSet.readings,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.actor ?? null,
  };
}
