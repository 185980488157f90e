/**
 * The organisation tree as it stood on a date, built from flat unit versions, and the roll-up of
 * per-unit counts to every ancestor. Pure: the query modules supply the rows.
 */
import type { OrgType, UnitKind } from './codes.js';

export interface TreeUnitInput {
  id: string;
  code: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  orgType: OrgType | null;
}

export interface TreeNode extends TreeUnitInput {
  /** Organisation type, inherited from the nearest ancestor that states one. */
  effectiveOrgType: OrgType | null;
  depth: number;
  children: TreeNode[];
}

const collator = new Intl.Collator('vi', { numeric: true });

/**
 * Builds the forest of units from versions valid on one date. Children are sorted by kind
 * (committees before cells) then by name in Vietnamese collation; units whose parent is not in the
 * list become roots.
 */
export function buildTree(units: readonly TreeUnitInput[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const u of units) nodes.set(u.id, { ...u, effectiveOrgType: u.orgType, depth: 0, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const kindOrder: Record<UnitKind, number> = {
    province_committee: 0,
    district_committee: 1,
    grassroots_committee: 2,
    sub_committee: 3,
    grassroots_cell: 4,
    cell: 5,
  };
  const visit = (node: TreeNode, depth: number, inherited: OrgType | null): void => {
    node.depth = depth;
    node.effectiveOrgType = node.orgType ?? inherited;
    node.children.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || collator.compare(a.name, b.name));
    for (const child of node.children) visit(child, depth + 1, node.effectiveOrgType);
  };
  roots.sort((a, b) => collator.compare(a.name, b.name));
  for (const root of roots) visit(root, 0, null);
  return roots;
}

/** Finds a node by unit code anywhere in the forest. */
export function findNode(roots: readonly TreeNode[], code: string): TreeNode | undefined {
  for (const root of roots) {
    if (root.code === code) return root;
    const hit = findNode(root.children, code);
    if (hit) return hit;
  }
  return undefined;
}

/** Adds count records key by key. */
export function addCounts<K extends string>(a: Record<K, number>, b: Partial<Record<K, number>>): Record<K, number> {
  const out = { ...a };
  for (const key of Object.keys(b) as K[]) out[key] = (out[key] ?? 0) + (b[key] ?? 0);
  return out;
}

/**
 * Rolls per-unit counts up the tree: each node's total is its own counts plus its descendants'.
 * Returns a map from unit id to the subtree total.
 */
export function rollUp<K extends string>(
  roots: readonly TreeNode[],
  own: ReadonlyMap<string, Partial<Record<K, number>>>,
  zero: Record<K, number>,
): Map<string, Record<K, number>> {
  const totals = new Map<string, Record<K, number>>();
  const visit = (node: TreeNode): Record<K, number> => {
    let sum = addCounts(zero, own.get(node.id) ?? {});
    for (const child of node.children) sum = addCounts(sum, visit(child));
    totals.set(node.id, sum);
    return sum;
  };
  for (const root of roots) visit(root);
  return totals;
}

/** The chain of nodes from a root down to the unit with `code` (empty when absent). */
export function findPath(roots: readonly TreeNode[], code: string): TreeNode[] {
  for (const root of roots) {
    if (root.code === code) return [root];
    const below = findPath(root.children, code);
    if (below.length > 0) return [root, ...below];
  }
  return [];
}
