/**
 * A unit's workspace (issue #9 items 3 and 5): who is graded here — members, sub-units, leadership
 * collectives, leaders, the unit itself — in a grid filled from the keyboard, the check panel beside
 * it (a bottom sheet on a phone), bulk actions, and the unit's report to its parent.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectKind } from '../../../src/domain/codes.js';
import type { ProgressView } from '../../../src/services/progress.js';
import type { RowEvaluation, WorkspaceView, WorkspaceRow } from '../../../src/services/workspace.js';
import { api, ApiError, qs } from '../api.js';
import { Badge, Crumbs, ErrorNotice, Loading, useData, useTitle, NoCycle } from '../components/common.js';
import { fmtInt } from '../format.js';
import { tk } from '../i18n.js';
import { GRADES, gradeLabel, unitKindLabel, unitStateLabel } from '../labels.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { BulkBar } from '../workspace/bulk-bar.js';
import { CheckPanelBody, type UnitMissing } from '../workspace/check-panel.js';
import { Grid, rowKey } from '../workspace/grid.js';
import { ReportBar } from '../workspace/report-bar.js';
import { useRowSaver } from '../workspace/row-saver.js';

const TABS: { kind: SubjectKind; own?: boolean; label: string }[] = [
  { kind: 'member', label: tk('Đảng viên') },
  { kind: 'unit', label: tk('Đơn vị trực thuộc') },
  { kind: 'collective', label: tk('Tập thể lãnh đạo') },
  { kind: 'position', label: tk('Cán bộ lãnh đạo') },
  { kind: 'unit', own: true, label: tk('Đơn vị này') },
];

export function WorkspacePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { user, cycle, withCycle, refreshRoll } = useSession();
  const [tick, setTick] = useState(0);
  const period = cycle && cycle.period !== 'nam' ? cycle.period : undefined;
  const ws = useData<WorkspaceView | null>((s) => (cycle ? api.get<WorkspaceView>(`/api/workspace/${encodeURIComponent(code)}/${cycle.year}${qs({ period })}`, s) : Promise.resolve(null)), [code, cycle?.year, period]);
  const tree = useData<ProgressView | null>((s) => (cycle ? api.get<ProgressView>(`/api/cycles/${cycle.year}/tree${qs({ unit: code, depth: 1, period })}`, s) : Promise.resolve(null)), [code, cycle?.year, period, tick]);
  const [tab, setTab] = useState<number | null>(null);
  const [focused, setFocused] = useState<WorkspaceRow | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sheet, setSheet] = useState(false);
  const [computing, setComputing] = useState<string | null>(null);
  useTitle(ws.data?.unit.name);

  const onSaved = useCallback(
    (id: string, evaluation: RowEvaluation) => {
      const data = ws.data;
      if (!data) return;
      ws.setData({ ...data, rows: data.rows.map((r) => (r.evaluation?.id === id ? { ...r, evaluation } : r)) });
      setTick((n) => n + 1);
      refreshRoll();
    },
    [ws, refreshRoll],
  );
  const saver = useRowSaver(onSaved);
  const reloadAll = () => {
    ws.reload();
    setTick((n) => n + 1);
    refreshRoll();
  };

  const data = ws.data;
  const rowsByTab = useMemo(() => {
    if (!data) return [];
    return TABS.map((tb) => data.rows.filter((r) => r.kind === tb.kind && (tb.kind !== 'unit' || (r.ref === data.unit.code) === Boolean(tb.own))));
  }, [data]);
  if (!cycle) return <NoCycle />;
  if (ws.error) return <ErrorNotice error={ws.error} />;
  if (!data) return <Loading />;

  const active = tab ?? Math.max(0, rowsByTab.findIndex((rows) => rows.length > 0));
  const rows = rowsByTab[active] ?? [];
  const node = tree.data?.nodes.find((n) => n.code === data.unit.code) ?? null;
  const childNodes = new Map((tree.data?.nodes ?? []).filter((n) => n.depth === 1).map((n) => [n.code, n]));
  const path = data.unit.path.map((p) => p.code);
  const graded = (r: WorkspaceRow) => r.evaluation && ['eligible', 'pending'].includes(r.evaluation.eligibility);
  const missing: UnitMissing = {
    unitName: data.unit.name,
    withoutEvaluation: data.rows.filter((r) => !r.evaluation).length,
    withoutProposal: data.rows.filter((r) => graded(r) && !r.evaluation!.proposedGrade && !r.evaluation!.decidedGrade).length,
  };
  const selectedRows = data.rows.filter((r) => selected.has(rowKey(r)));
  const ctx = { user, ruleSet: data.cycle.ruleSet, path, khtReasons: focused ? data.khtReasons[focused.kind] : data.khtReasons.member, withCycle };

  const compute = async () => {
    setComputing(t('Đang lập phiếu và tính diện đánh giá…'));
    try {
      const res = await api.post<{ created: number; subjects: number }>(`/api/cycles/${cycle.year}/eligibility/compute`, { unit: data.unit.code, ...(period ? { period } : {}) });
      setComputing(t('Đã lập {{n}} phiếu mới cho {{m}} đối tượng.', { n: fmtInt(res.created), m: fmtInt(res.subjects) }));
      reloadAll();
    } catch (e) {
      setComputing(e instanceof ApiError ? e.text(i18n.language) : String(e));
    }
  };

  const panel = (
    <CheckPanelBody evaluationId={focused?.evaluation?.id ?? null} subject={focused?.name ?? null} tick={tick} missing={missing} />
  );
  const focusRow = (r: WorkspaceRow) => setFocused(r);

  return (
    <>
      <Crumbs items={data.unit.path.slice(0, -1).map((p) => ({ href: withCycle(`/units/${encodeURIComponent(p.code)}`), label: p.name }))} />
      <div className="page-head">
        <div>
          <h1>{data.unit.name}</h1>
          <p className="muted">
            {unitKindLabel(data.unit.kind, i18n.language)} · {data.cycle.title}
            {node ? <> · <Badge kind={node.state}>{unitStateLabel(node.state, i18n.language)}</Badge></> : null}
          </p>
        </div>
        <div className="actions">
          {data.unit.kind !== 'cell' ? <Link className="button" href={withCycle(`/units/${encodeURIComponent(code)}/dashboard`)}>{t('Tổng hợp')}</Link> : null}
          <Link className="button" href={withCycle(`/units/${encodeURIComponent(code)}/forms`)}>{t('Biểu thống kê')}</Link>
        </div>
      </div>
      {missing.withoutEvaluation > 0 && user.role !== 'viewer' ? (
        <div className="notice warn">
          <p>{t('{{n}} đối tượng chưa có phiếu đánh giá của kỳ này.', { n: fmtInt(missing.withoutEvaluation) })}</p>
          <button type="button" className="button primary" onClick={() => void compute()}>{t('Lập phiếu và tính diện đánh giá')}</button>
        </div>
      ) : null}
      {computing ? <p role="status">{computing}</p> : null}
      {node ? <ReportBar node={node} parentCode={data.unit.parentCode} year={cycle.year} period={cycle.period} user={user} path={path} onChanged={reloadAll} /> : null}
      <div className="split">
        <section aria-labelledby="grid-title">
          <h2 id="grid-title" className="visually-hidden">{t('Danh sách xếp loại')}</h2>
          <div className="tabs" role="tablist">
            {TABS.map((tb, i) =>
              rowsByTab[i]!.length > 0 ? (
                <button key={tb.label} role="tab" type="button" aria-selected={i === active} onClick={() => { setTab(i); setSelected(new Set()); }}>
                  {t(tb.label)} ({fmtInt(rowsByTab[i]!.length)})
                </button>
              ) : null,
            )}
          </div>
          <p className="legend">
            {GRADES.map((g) => <span key={g}><b className={`g-${g}`}>{g}</b>: {gradeLabel(g, i18n.language)}</span>)}
          </p>
          <p className="muted small hide-phone">{t('Bàn phím: gõ chữ cái đầu của mức (HTXS, HTT, HT, KHT) hoặc số 1–4; mũi tên để sang ô khác; Enter để lưu và xuống dòng.')}</p>
          <BulkBar rows={selectedRows} user={user} path={path} ruleSet={data.cycle.ruleSet} run={saver.run} onDone={() => setSelected(new Set())} />
          <Grid
            rows={rows}
            ctx={ctx}
            focused={focused ? rowKey(focused) : null}
            onFocusRow={focusRow}
            states={saver.states}
            run={(row, step) => row.evaluation && void saver.run(row.evaluation, step)}
            keep={(row) => row.evaluation && saver.clear(row.evaluation.id)}
            selected={selected}
            onSelect={(keys, on) => setSelected((s) => { const n = new Set(s); for (const k of keys) (on ? n.add(k) : n.delete(k)); return n; })}
            onFactsChanged={reloadAll}
            unitInfo={(row) => {
              const n = childNodes.get(row.ref);
              return n ? <div className="small"><Badge kind={n.state}>{unitStateLabel(n.state, i18n.language)}</Badge> {t('{{d}}/{{r}} đảng viên đã xếp loại', { d: fmtInt(n.counts.decided), r: fmtInt(n.counts.roll) })}</div> : null;
            }}
          />
          <div className="show-phone phone-panel-bar">
            <button type="button" className="button primary" onClick={() => setSheet(true)}>
              {t('Kiểm tra quy định')}{focused ? `: ${focused.name}` : ''}
            </button>
          </div>
          <div className="show-phone" style={{ height: '4.5rem' }} aria-hidden="true" />
        </section>
        <aside className="card panel desktop" aria-label={t('Kiểm tra quy định')} tabIndex={0}>{panel}</aside>
      </div>
      {sheet ? (
        <>
          <div className="sheet-backdrop" onClick={() => setSheet(false)} />
          <div className="sheet" role="dialog" aria-modal="true" aria-label={t('Kiểm tra quy định')}>
            {panel}
            <button type="button" className="button" style={{ width: '100%' }} onClick={() => setSheet(false)}>{t('Đóng')}</button>
          </div>
        </>
      ) : null}
    </>
  );
}
