/**
 * The user's scope as a tree (issue #9 item 2): every unit with its state in the cycle (not
 * started, in progress, sent, accepted, returned, late) and its progress (members decided out of
 * those on the roll), filterable by state; a unit opens its workspace.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressNode, ProgressView } from '../../../src/services/progress.js';
import { api, qs } from '../api.js';
import { Badge, ErrorNotice, Loading, useData, useTitle, NoCycle } from '../components/common.js';
import { fmtInt, fmtPct } from '../format.js';
import { unitKindLabel, unitStateLabel, type UnitState } from '../labels.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { DeadlineText } from '../workspace/report-bar.js';

const STATES: UnitState[] = ['late', 'returned', 'not_started', 'in_progress', 'submitted', 'accepted'];

function Progress({ n }: { n: ProgressNode }) {
  const { t } = useTranslation();
  const base = n.counts.roll - n.counts.notRequired;
  const done = n.counts.decided;
  return (
    <span className="small">
      <progress max={Math.max(base, 1)} value={done} aria-label={t('Tiến độ xếp loại: {{name}}', { name: n.name })} style={{ width: '6rem', verticalAlign: 'middle' }} />{' '}
      {t('{{d}}/{{r}} đã xếp loại', { d: fmtInt(done), r: fmtInt(base) })} ({fmtPct(done, base, 0)})
      {n.counts.proposed > 0 ? ` · ${t('{{n}} đã đề xuất', { n: fmtInt(n.counts.proposed) })}` : ''}
    </span>
  );
}

function NodeLine({ n }: { n: ProgressNode }) {
  const { i18n } = useTranslation();
  const { withCycle } = useSession();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '.25rem .75rem', alignItems: 'baseline' }}>
      <Link href={withCycle(`/units/${encodeURIComponent(n.code)}`)}><b>{n.name}</b></Link>
      <span className="muted small">{unitKindLabel(n.kind, i18n.language)}</span>
      <Badge kind={n.state}>{unitStateLabel(n.state, i18n.language)}</Badge>
      <Progress n={n} />
      {n.report.deadline ? <span className="muted small"><DeadlineText node={n} /></span> : null}
    </span>
  );
}

export function TreePage() {
  const { t, i18n } = useTranslation();
  const { cycle, user } = useSession();
  const [state, setState] = useState<UnitState | 'all'>('all');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const period = cycle && cycle.period !== 'nam' ? cycle.period : undefined;
  const unit = user.role === 'admin' ? undefined : user.scopeUnitCode;
  const { data, error } = useData<ProgressView | null>((s) => (cycle ? api.get<ProgressView>(`/api/cycles/${cycle.year}/tree${qs({ unit, depth: 3, period })}`, s) : Promise.resolve(null)), [cycle?.year, period, unit]);
  useTitle(t('Đơn vị'));
  const children = useMemo(() => {
    const by = new Map<string, ProgressNode[]>();
    for (const n of data?.nodes ?? []) if (n.parentCode) by.set(n.parentCode, [...(by.get(n.parentCode) ?? []), n]);
    return by;
  }, [data]);
  if (!cycle) return <NoCycle />;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const counts = Object.fromEntries(STATES.map((s) => [s, data.nodes.filter((n) => n.depth > 0 && n.state === s).length])) as Record<UnitState, number>;
  const visible = (n: ProgressNode): boolean => state === 'all' || n.state === state || (children.get(n.code) ?? []).some(visible);
  const isOpen = (n: ProgressNode) => (n.depth === 0 || state !== 'all') !== open.has(n.code);
  const toggle = (code: string) => setOpen((s) => { const next = new Set(s); if (next.has(code)) next.delete(code); else next.add(code); return next; });
  const render = (n: ProgressNode) => {
    const kids = (children.get(n.code) ?? []).filter(visible);
    const expanded = kids.length > 0 && isOpen(n);
    return (
      <li key={n.code} style={{ margin: '.4rem 0' }}>
        {kids.length > 0 ? (
          <button type="button" className="button small tree-toggle" aria-expanded={expanded} aria-label={expanded ? t('Thu gọn {{n}} đơn vị trực thuộc của {{name}}', { name: n.name, n: kids.length }) : t('Mở {{n}} đơn vị trực thuộc của {{name}}', { name: n.name, n: kids.length })} onClick={() => toggle(n.code)}>
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {kids.length}
          </button>
        ) : <span className="tree-toggle" aria-hidden="true" />}
        <NodeLine n={n} />
        {expanded ? <ul className="tree" style={{ listStyle: 'none', paddingLeft: '1.25rem', borderLeft: '2px solid var(--line)', marginLeft: '1.6rem' }}>{kids.map(render)}</ul> : null}
      </li>
    );
  };
  return (
    <>
      <h1>{t('Đơn vị và tiến độ')}</h1>
      <p className="muted">{data.cycle.title}</p>
      <div className="actions" role="group" aria-label={t('Lọc theo trạng thái')} style={{ marginBottom: '.75rem' }}>
        <button type="button" className={`button small${state === 'all' ? ' primary' : ''}`} aria-pressed={state === 'all'} onClick={() => { setState('all'); setOpen(new Set()); }}>{t('Tất cả')}</button>
        {STATES.map((s) => (
          <button key={s} type="button" className={`button small${state === s ? ' primary' : ''}`} aria-pressed={state === s} onClick={() => { setState(s); setOpen(new Set()); }}>
            {unitStateLabel(s, i18n.language)}: {fmtInt(counts[s])}
          </button>
        ))}
      </div>
      <ul className="card tree" style={{ listStyle: 'none', paddingLeft: '1rem' }}>{data.nodes.filter((n) => n.depth === 0).filter(visible).map(render)}</ul>
    </>
  );
}
