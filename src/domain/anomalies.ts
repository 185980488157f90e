/**
 * Anomalies a committee's dashboard points at before the deadline (issue #9 item 6; GUIDE.md §1:
 * the standing committee "cannot see progress or anomalies before the deadline"): a unit where every
 * member graded is HTXS, a grassroots organisation over the HTXS cap (HD 21, II.B.2.3; QĐ 124,
 * Điều 12; QĐ 366, Điều 11 k1.5), and a unit far from its peers (its HTXS or KHT share more than
 * two and a half standard deviations above, and at least twice, the mean of units of the same kind
 * with ten or more members graded — smaller units swing too much to compare). Pure.
 */
import type { Grade, UnitKind } from './codes.js';
import { capHeadroom } from './rules/cap.js';
import type { RuleSet } from './rules/types.js';

/** One unit's decided member grades (its subtree), as the forms count them. */
export interface UnitGrades {
  code: string;
  name: string;
  kind: UnitKind;
  counts: Record<Grade, number>;
}

export type AnomalyKind = 'all_htxs' | 'cap_over' | 'far_from_peers';

export interface Anomaly {
  kind: AnomalyKind;
  unitCode: string;
  unitName: string;
  text: string;
  source: string | null;
}

const graded = (c: Record<Grade, number>) => c.HTXS + c.HTT + c.HT + c.KHT;
const GRASSROOTS: readonly UnitKind[] = ['grassroots_committee', 'grassroots_cell'];
/** Peers with fewer graded members than this are too small to compare. */
const MIN_PEER_SIZE = 10;
/** How far above the peers' mean a share must be, in standard deviations, to be pointed at. */
const SPREAD = 2.5;

function allHtxs(units: readonly UnitGrades[]): Anomaly[] {
  return units
    .filter((u) => graded(u.counts) >= 2 && u.counts.HTXS === graded(u.counts))
    .map((u) => ({ kind: 'all_htxs', unitCode: u.code, unitName: u.name, text: `Tất cả ${graded(u.counts)} đảng viên đã xếp loại đều «Hoàn thành xuất sắc nhiệm vụ».`, source: null }));
}

function capOver(units: readonly UnitGrades[], ruleSet: RuleSet): Anomaly[] {
  return units
    .filter((u) => GRASSROOTS.includes(u.kind))
    .map((u) => ({ u, cap: capHeadroom({ ruleSet, counts: u.counts, subjectKind: 'member' }) }))
    .filter(({ cap }) => cap.over)
    .map(({ u, cap }) => ({ kind: 'cap_over', unitCode: u.code, unitName: u.name, text: `Vượt tỉ lệ HTXS: ${cap.text}`, source: null }));
}

function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, sd };
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString().replace('.', ',')}%`;

function farFromPeers(units: readonly UnitGrades[]): Anomaly[] {
  const out: Anomaly[] = [];
  const kinds = new Set(units.map((u) => u.kind));
  for (const kind of kinds) {
    const peers = units.filter((u) => u.kind === kind && graded(u.counts) >= MIN_PEER_SIZE);
    if (peers.length < 4) continue;
    for (const grade of ['HTXS', 'KHT'] as const) {
      const shares = peers.map((u) => u.counts[grade] / graded(u.counts));
      const { mean, sd } = meanSd(shares);
      if (sd === 0) continue;
      peers.forEach((u, i) => {
        const share = shares[i]!;
        if (share - mean <= SPREAD * sd || share < 2 * mean || u.counts[grade] < 2) return;
        out.push({ kind: 'far_from_peers', unitCode: u.code, unitName: u.name, text: `Tỉ lệ ${grade} ${pct(shares[i]!)} (${u.counts[grade]}/${graded(u.counts)}), cao hơn nhiều so với các đơn vị cùng loại (trung bình ${pct(mean)}).`, source: null });
      });
    }
  }
  return out;
}

/** Every anomaly among `units`, grouped by kind in a fixed order. */
export function findAnomalies(input: { units: readonly UnitGrades[]; ruleSet: RuleSet }): Anomaly[] {
  return [...capOver(input.units, input.ruleSet), ...allHtxs(input.units), ...farFromPeers(input.units)];
}
