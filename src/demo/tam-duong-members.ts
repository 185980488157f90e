/**
 * The 2,731 invented party members of the demo district, their memberships, events and 2022
 * evaluations, reproducing the DV annex per organisation type (targets in tam-duong-targets.ts).
 * HTXS is spread so that each grassroots organisation keeps HTXS ≤ 20% of its HTT (HD 21's cap,
 * literal reading) where the seed's own numbers allow it; where not, Dataset.notes says so.
 */
import type { Grade, KhtReason, OrgType } from '../domain/codes.js';
import { makeSearchKey } from '../domain/model/people.js';
import { type GenContext, isoDay, proposalsFor, viDate } from './context.js';
import type { DatasetEvaluation, DatasetMembership, DatasetPerson, DatasetPersonEvent } from './dataset.js';
import { applyRegrade, buildEvaluation, GRADE_QUALITY } from './grading.js';
import { type DemoSex, inventName } from './names.js';
import { addYears } from './random.js';
import { REFERENCE_DATE, SIX_MONTHS_BEFORE, UNITS_VALID_FROM } from './tam-duong-plan.js';
import { MEMBER_TARGETS, type MemberTypeTarget, REGRADED_MEMBERS } from './tam-duong-targets.js';
import type { DemoCell, DemoOrg, DemoTree } from './tam-duong-units.js';

export type MemberStatus = 'graded' | 'exempt' | 'new_member' | 'suspended';

export interface DemoMember {
  person: DatasetPerson;
  cell: DemoCell;
  status: MemberStatus;
  grade: Grade | null;
  kht: KhtReason | null;
  evaluation: DatasetEvaluation;
}

interface Slot {
  cell: DemoCell;
  status: MemberStatus;
  grade: Grade | null;
  kht: KhtReason | null;
}

export interface MemberRows {
  persons: DatasetPerson[];
  memberships: DatasetMembership[];
  personEvents: DatasetPersonEvent[];
  evaluations: DatasetEvaluation[];
}

/** Highland communes where Mông and Dao names are common (a plausible spread, not a census). */
const HIGHLAND = new Set(['TD-DU-KHUNHA', 'TD-DU-NUNGNANG', 'TD-DU-HOTHAU', 'TD-DU-GIANGMA', 'TD-DU-TALENG', 'TD-DU-SONBINH', 'TD-DU-THENSIN']);
const AGENCY_TYPES = new Set<OrgType>(['co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'quan_doi', 'cong_an']);

/** Builds the members, in cell order, with everything they bring into `rows`. */
export function buildMembers(ctx: GenContext, tree: DemoTree, rows: MemberRows): DemoMember[] {
  const slots: Slot[] = tree.cells.flatMap((cell) => Array.from({ length: cell.size }, () => ({ cell, status: 'graded' as MemberStatus, grade: null, kht: null })));
  for (const [type, target] of Object.entries(MEMBER_TARGETS) as [OrgType, MemberTypeTarget][]) {
    const own = slots.filter((s) => s.cell.orgType === type);
    if (own.length !== target.total) throw new Error(`${type}: ${own.length} member slots, seed says ${target.total}`);
    assignStatuses(ctx, type, own, target);
    gradeType(ctx, own.filter((s) => s.status === 'graded'), target);
    keepCellThresholds(own.filter((s) => s.status === 'graded'));
  }
  const members = slots.map((slot) => makeMember(ctx, slot, rows));
  assignCardNumbers(ctx, members);
  regrade(ctx, members);
  for (const m of members) rows.evaluations.push(m.evaluation);
  return members;
}

/** Not-required statuses per type. In agencies they sit in the smallest cells, so one HTXS per larger cell stays within the cap. */
function assignStatuses(ctx: GenContext, type: OrgType, own: Slot[], t: MemberTypeTarget): void {
  const order = AGENCY_TYPES.has(type) || type === 'dn.nn.100' ? ctx.rng.shuffle(own).sort((a, b) => a.cell.size - b.cell.size) : ctx.rng.shuffle(own);
  let i = 0;
  const take = (n: number, status: MemberStatus) => {
    for (let k = 0; k < n; k++) (order[i++] as Slot).status = status;
  };
  take(t.exempt, 'exempt');
  take(t.newMember, 'new_member');
  take(t.suspended, 'suspended');
}

/**
 * Grades one type's members; where HT/KHT happened to fall so that the cap cannot hold, draws again
 * (up to 25 times, deterministically) and keeps the draw with the fewest organisations over the cap.
 */
function gradeType(ctx: GenContext, graded: Slot[], t: MemberTypeTarget): void {
  let best: { grades: [Grade | null, KhtReason | null][]; over: Set<DemoOrg> } | undefined;
  for (let attempt = 0; attempt < 25 && (best === undefined || best.over.size > 0); attempt++) {
    for (const s of graded) [s.grade, s.kht] = [null, null];
    const over = assignGrades(ctx, graded, t);
    if (best === undefined || over.size < best.over.size) best = { grades: graded.map((s) => [s.grade, s.kht]), over };
  }
  if (!best) return;
  graded.forEach((s, i) => ([s.grade, s.kht] = best.grades[i] ?? [null, null]));
  for (const org of best.over) {
    const mine = graded.filter((s) => s.cell.org === org);
    const x = mine.filter((s) => s.grade === 'HTXS').length;
    const y = mine.filter((s) => s.grade === 'HTT').length;
    ctx.notes.push(`${org.name}: ${x} HTXS / ${y} HTT = ${((100 * x) / y).toFixed(1).replace('.', ',')}% > 20% (HD 21 cap, literal base HTT): the seed's own figures for this organisation type leave no room.`);
  }
}

/** HT and KHT to the weakest (by organisation, cell and chance), HTXS to the strongest within each organisation's cap; returns the organisations left over the cap. */
function assignGrades(ctx: GenContext, graded: Slot[], t: MemberTypeTarget): Set<DemoOrg> {
  const [htxs, , ht, kht] = t.graded;
  const score = new Map(graded.map((s) => [s, GRADE_QUALITY[s.cell.org.grade] * 0.4 + GRADE_QUALITY[s.cell.grade ?? 'HTT'] * 0.4 + ctx.rng.next()]));
  const ranked = [...graded].sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));
  ranked.slice(0, kht).forEach((s, k) => {
    s.grade = 'KHT';
    s.kht = k < t.khtBelow50 ? 'below_50' : 'civil_servant';
  });
  ranked.slice(kht, kht + ht).forEach((s) => (s.grade = 'HT'));
  const rest = ranked.slice(kht + ht).reverse();
  const room = new Map<DemoOrg, number>();
  for (const s of rest) room.set(s.cell.org, (room.get(s.cell.org) ?? 0) + 1);
  // HD 21: HTXS ≤ 20% of HTT in each grassroots organisation ⇔ 6 × HTXS ≤ HTXS + HTT.
  const cap = new Map([...room].map(([org, n]) => [org, Math.floor(n / 6)]));
  let left = htxs;
  for (const s of rest) {
    if (left === 0) break;
    const c = cap.get(s.cell.org) ?? 0;
    if (c > 0) {
      s.grade = 'HTXS';
      cap.set(s.cell.org, c - 1);
      left--;
    }
  }
  const over = new Set<DemoOrg>();
  for (const s of rest) {
    if (left === 0) break;
    if (s.grade === null) {
      s.grade = 'HTXS';
      over.add(s.cell.org);
      left--;
    }
  }
  for (const s of rest) if (s.grade === null) s.grade = 'HTT';
  return over;
}

/** The grade decided for the cell a member belongs to (a grassroots cell's is its organisation's); null when not graded. */
function cellGrade(cell: DemoCell): Grade | null {
  return cell.kind === 'cell' ? cell.grade : cell.org.grade;
}

/**
 * True when a cell decided `grade` satisfies HD 21, II.B.1.3 over its members' grades: more than 20%
 * KHT makes it KHT; HTT needs 100% HT or above and at least 50% HTT or above; HTXS 100% and 80%.
 */
function cellKeepsThresholds(grade: Grade | null, members: readonly Slot[]): boolean {
  if (grade === null || grade === 'KHT' || members.length === 0) return true;
  const n = members.length;
  const kht = members.filter((s) => s.grade === 'KHT').length;
  const httPlus = members.filter((s) => s.grade === 'HTT' || s.grade === 'HTXS').length;
  if (kht * 100 > 20 * n) return false;
  if (grade === 'HT') return true;
  if (kht > 0) return false;
  return httPlus * 100 >= (grade === 'HTXS' ? 80 : 50) * n;
}

/**
 * The demo's decided grades must pass the product's own rules (issue 8: `xeploai grade audit` finds
 * no binding violation): a cell's members are graded so that the cell's decided grade keeps HD 21's
 * thresholds. Where the random ranking left a cell short, an HT or KHT member of it trades grades
 * (and KHT reasons) with a better graded member (HT, else HTT; never HTXS) of another cell of the same
 * organisation type that can take it, preferring the same grassroots organisation so that its HTXS
 * cap base does not move. The type's
 * totals (the seed's) are unchanged.
 */
function keepCellThresholds(graded: Slot[]): void {
  const byCell = new Map<DemoCell, Slot[]>();
  for (const s of graded) byCell.set(s.cell, [...(byCell.get(s.cell) ?? []), s]);
  const ok = (cell: DemoCell) => cellKeepsThresholds(cellGrade(cell), byCell.get(cell) ?? []);
  for (let round = 0; round < 500; round++) {
    const bad = [...byCell.keys()].find((c) => !ok(c));
    if (!bad) return;
    const mine = byCell.get(bad) ?? [];
    const give = mine.find((s) => s.grade === 'KHT') ?? mine.find((s) => s.grade === 'HT');
    if (!give) break;
    // A KHT trades with an HT first (no HTT count moves), then with an HTT; an HT with an HTT.
    const better: Grade[] = give.grade === 'KHT' ? ['HT', 'HTT'] : ['HTT'];
    const rank = (s: Slot) => better.indexOf(s.grade as Grade) * 2 + Number(s.cell.org !== bad.org);
    const takers = graded.filter((s) => s.cell !== bad && better.includes(s.grade as Grade)).sort((a, b) => rank(a) - rank(b));
    const swap = (a: Slot, b: Slot) => {
      [a.grade, b.grade] = [b.grade, a.grade];
      [a.kht, b.kht] = [b.kht, a.kht];
    };
    const taker = takers.find((t) => {
      swap(give, t);
      const fine = ok(t.cell);
      swap(give, t);
      return fine;
    });
    if (!taker) break;
    swap(give, taker);
  }
  const left = [...byCell.keys()].filter((c) => !ok(c));
  if (left.length > 0) throw new Error(`cells left below HD 21's thresholds: ${left.map((c) => c.code).join(', ')}`);
}

function makeMember(ctx: GenContext, slot: Slot, rows: MemberRows): DemoMember {
  const { rng } = ctx;
  const { cell } = slot;
  const femaleShare = cell.orgType === 'quan_doi' ? 0.05 : cell.orgType === 'cong_an' ? 0.12 : AGENCY_TYPES.has(cell.orgType) ? 0.42 : 0.3;
  const sex: DemoSex = rng.next() < femaleShare ? 'nu' : 'nam';
  const mongDao = HIGHLAND.has(cell.org.code) ? 0.6 : cell.org.commune ? 0.3 : 0.12;
  const fullName = inventName(rng, sex, mongDao);
  const { birthDate, admittedOn } = lifeDates(ctx, slot.status);
  const officialOn = addYears(admittedOn, 1) <= REFERENCE_DATE ? addYears(admittedOn, 1) : null;
  const worksForState = AGENCY_TYPES.has(cell.orgType) || /Cơ quan|Trường|Công an/.test(cell.name);
  const person: DatasetPerson = {
    id: ctx.id(),
    cardNumber: '',
    fullName,
    searchKey: makeSearchKey(fullName),
    birthDate,
    sex,
    admittedOn,
    officialOn,
    // The 36 KHT "civil servant" members (DV annex) are civil servants wherever they sit, the dn one included.
    isCivilServant: slot.kht === 'civil_servant' || (worksForState && slot.status !== 'exempt' && slot.kht !== 'below_50'),
    createdAt: ctx.createdAt,
  };
  rows.persons.push(person);
  addMemberships(ctx, person, cell, rows.memberships);
  const evaluation = memberEvaluation(ctx, slot, person, rows.personEvents);
  return { person, cell, status: slot.status, grade: slot.grade, kht: slot.kht, evaluation };
}

function lifeDates(ctx: GenContext, status: MemberStatus): { birthDate: string; admittedOn: string } {
  const { rng } = ctx;
  if (status === 'exempt') {
    const birthDate = rng.date('1934-01-01', '1952-12-31');
    return { birthDate, admittedOn: rng.date(addYears(birthDate, 19), addYears(birthDate, 35)) };
  }
  if (status === 'new_member') {
    // QĐ 132: admitted less than 6 months before the reference date.
    return { birthDate: rng.date('1982-01-01', '2003-12-31'), admittedOn: rng.date('2022-07-01', '2022-12-20') };
  }
  const birthDate = rng.date('1956-01-01', '2001-12-31');
  const latest = addYears(birthDate, 45) < SIX_MONTHS_BEFORE ? addYears(birthDate, 45) : SIX_MONTHS_BEFORE;
  return { birthDate, admittedOn: rng.date(addYears(birthDate, 18), latest) };
}

/** One membership valid at the reference date; members of a new cell came from a sibling cell. */
function addMemberships(ctx: GenContext, person: DatasetPerson, cell: DemoCell, out: DatasetMembership[]): void {
  const start = person.admittedOn > UNITS_VALID_FROM ? person.admittedOn : UNITS_VALID_FROM;
  if (cell.isNew && start < cell.validFrom) {
    const sibling = cell.org.cells.find((c) => !c.isNew) as DemoCell;
    out.push({ id: ctx.id(), personId: person.id, unitId: sibling.id, validFrom: start, validTo: cell.validFrom });
    out.push({ id: ctx.id(), personId: person.id, unitId: cell.id, validFrom: cell.validFrom, validTo: null });
    return;
  }
  out.push({ id: ctx.id(), personId: person.id, unitId: cell.id, validFrom: start > cell.validFrom ? start : cell.validFrom, validTo: null });
}

function memberEvaluation(ctx: GenContext, slot: Slot, person: DatasetPerson, events: DatasetPersonEvent[]): DatasetEvaluation {
  const org = slot.cell.org;
  const actor = org.kind === 'grassroots_committee' ? `Đảng ủy ${org.short}` : org.name;
  const base = { id: ctx.id(), cycleId: ctx.cycleId, subjectKind: 'member' as const, subjectId: person.id, unitId: slot.cell.id, decidingUnitId: org.id, actor, at: isoDay('2022-12-20') };
  if (slot.status === 'exempt') {
    const since = ctx.rng.date('2012-01-01', '2022-06-30');
    events.push({ id: ctx.id(), personId: person.id, kind: 'exempt', level: null, startsOn: since, endsOn: null, note: 'Tuổi cao, sức yếu' });
    return buildEvaluation({ ...base, eligibility: 'exempt', eligibilityReason: `Được miễn công tác và sinh hoạt đảng từ ${viDate(since)}`, reviewed: false }, ctx.id);
  }
  if (slot.status === 'suspended') {
    const since = '2022-11-08';
    events.push({ id: ctx.id(), personId: person.id, kind: 'suspended', level: null, startsOn: since, endsOn: null, note: 'Đình chỉ sinh hoạt đảng trong thời gian cơ quan có thẩm quyền xem xét' });
    return buildEvaluation({ ...base, eligibility: 'suspended', eligibilityReason: `Bị đình chỉ sinh hoạt đảng từ ${viDate(since)}`, reviewed: false }, ctx.id);
  }
  if (slot.status === 'new_member') {
    // QĐ 132 / HD 21: reviewed, not graded.
    return buildEvaluation({ ...base, eligibility: 'new_member', eligibilityReason: `Kết nạp ngày ${viDate(person.admittedOn)}, chưa đủ 6 tháng`, reviewed: true }, ctx.id);
  }
  const grade = slot.grade as Grade;
  const grades = grade === 'KHT' ? { selfGrade: ctx.rng.next() < 0.5 ? 'HT' as const : 'KHT' as const, proposedGrade: grade, decidedGrade: grade } : proposalsFor(ctx.rng, grade);
  return buildEvaluation({ ...base, eligibility: 'eligible', reviewed: true, ...grades, khtReasons: slot.kht ? [slot.kht] : [] }, ctx.id);
}

/** Card numbers "62.0xxxxx" (62: Lai Châu in our demo), increasing with the admission date, unique. */
function assignCardNumbers(ctx: GenContext, members: DemoMember[]): void {
  let n = 10_000 + ctx.rng.int(0, 999);
  const byAdmission = [...members].sort((a, b) => a.person.admittedOn.localeCompare(b.person.admittedOn));
  for (const m of byAdmission) {
    n += ctx.rng.int(1, 17);
    m.person.cardNumber = `62.${String(n).padStart(6, '0')}`;
  }
}

/**
 * The 10 members re-graded after appraisal (seed §2.2.5). Their final grades are the ones assigned
 * above, so every total still holds: 6 were first decided HTXS and lowered to HTT, 4 first HTT and
 * lowered to HT.
 */
function regrade(ctx: GenContext, members: DemoMember[]): void {
  const pick = (grade: Grade, n: number) => ctx.rng.shuffle(members.filter((m) => m.grade === grade && m.cell.org.commune)).slice(0, n);
  const lowered = [
    ...pick('HTT', 6).map((m) => ({ m, from: 'HTXS' as Grade, reason: 'Rà soát, thẩm định: chưa đủ tiêu chuẩn hoàn thành xuất sắc nhiệm vụ; số HTXS vượt 20% số HTT của đảng bộ (HD 21-HD/BTCTW)' })),
    ...pick('HT', REGRADED_MEMBERS - 6).map((m) => ({ m, from: 'HTT' as Grade, reason: 'Rà soát, thẩm định: còn hạn chế trong thực hiện nhiệm vụ được giao, chưa đủ tiêu chí hoàn thành tốt nhiệm vụ' })),
  ];
  lowered.forEach(({ m, from, reason }, i) => {
    const e = m.evaluation;
    const final = e.decidedGrade as Grade;
    // Rewrite the creation as it was first decided, then record the re-grade.
    e.selfGrade = from;
    e.proposedGrade = from;
    e.decidedGrade = from;
    for (const h of e.history) if (h.field === 'selfGrade' || h.field === 'proposedGrade' || h.field === 'decidedGrade') h.newValue = from;
    applyRegrade(e, { grade: final, reason, actor: 'Ban Tổ chức Huyện ủy', at: isoDay(`2023-01-0${3 + (i % 5)}`, 2) }, ctx.id);
  });
}
