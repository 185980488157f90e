/**
 * Who decides a subject's grade (GUIDE.md §4.7: "cells by their grassroots committee; grassroots
 * organisations by the standing committee one level up; leaders by the body that manages that
 * cadre"; HD 43 Mục 3; QĐ 366 Điều 13 "Cấp uỷ cấp trên trực tiếp xem xét, quyết định … theo phân cấp
 * quản lý"), resolved from the tree at the cycle's reference date. Pure: the caller passes the chain
 * of units from the subject's unit up to the top.
 */
import { type CollectiveKind, GRASSROOTS_KINDS, type PositionGroup, type RuleSetCode, type SubjectKind, type UnitKind } from '../codes.js';
import { AppError } from '../errors.js';
import { processSources } from './process-sources.js';

/** A unit of the chain, the subject's unit first, then its ancestors up to the top. */
export interface ChainUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** The competent authority, or null when it lies outside the tree (the province: Bộ Chính trị, Ban Bí thư). */
export interface DecidingBody {
  unit: ChainUnit | null;
  text: string;
  source: string;
  /** The cycle's rule set, whose wording the refusals cite. */
  ruleSet?: RuleSetCode;
}

/** Each rule set's citation for authority (process-sources.ts; HD 21's is [M], regulations.md §2.6). */
const AUTHORITY_SOURCE = (ruleSet: RuleSetCode): string => processSources(ruleSet).authority;

/** Leadership bodies of a unit itself, graded by the level above (seed: BTV, TT HĐND, UBND huyện by the province). */
const OWN_LEADERSHIP: readonly CollectiveKind[] = ['cap_uy', 'hdnd', 'ubnd'];
/** Standing members of a district or province committee, managed by the level above. */
const STANDING_GROUPS = /^(tinh|huyen)\.(bi_thu|pho_bi_thu|uv_btv)$/;

const isGrassroots = (u: ChainUnit) => GRASSROOTS_KINDS.includes(u.kind);
const belowGrassroots = (u: ChainUnit) => u.kind === 'cell' || u.kind === 'sub_committee';

function at(chain: readonly ChainUnit[], i: number): ChainUnit | null {
  return chain[i] ?? null;
}

/** Index of the grassroots organisation the chain's first unit belongs to (itself if grassroots), or -1. */
function grassrootsIndex(chain: readonly ChainUnit[]): number {
  return chain.findIndex(isGrassroots);
}

function pick(chain: readonly ChainUnit[], input: DecidingInput): ChainUnit | null {
  const first = chain[0];
  if (!first) return null;
  switch (input.subjectKind) {
    case 'member': {
      const g = grassrootsIndex(chain);
      return g >= 0 ? at(chain, g) : first;
    }
    case 'unit':
      if (belowGrassroots(first)) return at(chain, chain.findIndex((u, i) => i > 0 && isGrassroots(u)));
      return at(chain, 1);
    case 'collective':
    case 'position': {
      if (belowGrassroots(first)) return at(chain, grassrootsIndex(chain));
      if (isGrassroots(first)) return at(chain, 1);
      const aboveOwn =
        input.subjectKind === 'collective'
          ? input.collectiveKind !== undefined && OWN_LEADERSHIP.includes(input.collectiveKind)
          : input.positionGroup !== undefined && STANDING_GROUPS.test(input.positionGroup);
      return aboveOwn ? at(chain, 1) : first;
    }
  }
}

export interface DecidingInput {
  subjectKind: SubjectKind;
  /** The subject's unit (a member's cell, a unit itself, a collective's or position's unit), then its ancestors. */
  chain: readonly ChainUnit[];
  ruleSet: RuleSetCode;
  collectiveKind?: CollectiveKind | undefined;
  positionGroup?: PositionGroup | undefined;
  /** A leader's deciding body set on the position (the body that manages that cadre). */
  positionDecidingUnit?: ChainUnit | null | undefined;
}

/**
 * The competent authority: a member → its grassroots organisation; a cell under a committee → that
 * grassroots committee; a grassroots organisation, district or province unit → the level above; a
 * leadership collective → under a cell below grassroots level, that grassroots committee; at a
 * grassroots organisation, the level above (the seed's district grades all commune collectives);
 * higher up, the level above for a unit's own leadership (cấp ủy, HĐND, UBND), else the committee
 * that manages it (phòng, ban, MTTQ, đoàn thể of that level); a leader → the deciding unit set on
 * the position, else likewise (standing members of a district/province → the level above).
 */
export function decidingBody(input: DecidingInput): DecidingBody {
  const source = AUTHORITY_SOURCE(input.ruleSet);
  const ruleSet = input.ruleSet;
  if (input.subjectKind === 'position' && input.positionDecidingUnit) {
    const u = input.positionDecidingUnit;
    return { unit: u, text: `Cấp quản lý cán bộ theo chức vụ: ${u.name} (${u.code})`, source, ruleSet };
  }
  const unit = pick(input.chain, input);
  if (!unit) {
    return { unit: null, text: 'Cấp có thẩm quyền nằm ngoài cây tổ chức (Bộ Chính trị, Ban Bí thư)', source: ruleSet === 'QD366-HD43' ? 'HD 43, Mục 3 (3)' : source, ruleSet };
  }
  const body = unit.kind === 'grassroots_cell' || unit.kind === 'grassroots_committee' || unit.kind === 'cell' ? unit.name : `Ban Thường vụ ${unit.name}`;
  return { unit, text: `${body} (${unit.code})`, source, ruleSet };
}

/** Throws NotCompetentAuthority unless `byUnitId` is the competent authority. */
export function assertCompetent(body: DecidingBody, by: { id: string; code: string }): void {
  if (body.unit && body.unit.id === by.id) return;
  throw new AppError(
    'NotCompetentAuthority',
    {
      vi: `Đơn vị «${by.code}» không có thẩm quyền quyết định xếp loại đối tượng này; cấp có thẩm quyền: ${body.text} (${body.source}).`,
      en: `Unit "${by.code}" is not the competent authority for this subject; the competent authority is ${body.unit?.code ?? 'outside the tree'}.`,
    },
    { field: 'decidingUnit', details: { competent: body.unit?.code ?? null } },
  );
}

/** The bodies that may re-grade: the competent authority and the committee directly above it (rules-audit.md R50). */
export function regradingBodies(body: DecidingBody, chain: readonly ChainUnit[]): ChainUnit[] {
  const i = body.unit ? chain.findIndex((u) => u.id === body.unit?.id) : -1;
  if (i >= 0) return chain.slice(i, i + 2);
  return body.unit ? [body.unit] : [];
}

/**
 * Throws NotCompetentAuthority unless `by` is the competent authority or the committee directly above
 * it: "Cấp uỷ cấp trên trực tiếp … xem xét huỷ bỏ, đánh giá, xếp loại lại" (QĐ 366 Điều 13; QĐ 124
 * Điều 13) — a committee two levels up is refused (rules-audit.md R50). Cites the cycle's rule set.
 */
export function assertMayRegrade(input: { body: DecidingBody; chain: readonly ChainUnit[]; by: { id: string; code: string } }): void {
  const { body, chain, by } = input;
  const allowed = regradingBodies(body, chain);
  if (allowed.some((u) => u.id === by.id)) return;
  const above = allowed[1] ? ` hoặc cấp ủy cấp trên trực tiếp ${allowed[1].name} (${allowed[1].code})` : '';
  throw new AppError(
    'NotCompetentAuthority',
    {
      vi: `Đơn vị «${by.code}» không có thẩm quyền xếp loại lại đối tượng này; chỉ ${body.text}${above} (${processSources(body.ruleSet ?? 'QD366-HD43').regrade}).`,
      en: `Unit "${by.code}" may not re-grade this subject; only ${allowed.map((u) => u.code).join(' or ') || 'the competent authority'}.`,
    },
    { field: 'byUnit', details: { competent: body.unit?.code ?? null, allowed: allowed.map((u) => u.code) } },
  );
}
