/**
 * Bulk actions on the rows chosen (issue #9 item 3): propose each the grade it self-assessed,
 * decide each as proposed (the competent body), publish decided grades — one request per row with
 * that row's version, the progress said as it goes, and the rows that could not be saved named.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/db/queries/users.js';
import type { RowEvaluation, WorkspaceRow } from '../../../src/services/workspace.js';
import { fmtInt } from '../format.js';
import { canPublish, gradeMode } from './row-mode.js';
import type { Step } from './row-saver.js';

type Run = (evaluation: RowEvaluation, step: Step) => Promise<boolean>;

export function BulkBar({ rows, user, path, ruleSet, run, onDone }: { rows: WorkspaceRow[]; user: User; path: readonly string[]; ruleSet: string; run: Run; onDone: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<string | null>(null);
  if (rows.length === 0 && !progress) return null;
  const proposable = rows.filter((r) => gradeMode(r, user, path, ruleSet) === 'propose' && r.evaluation?.selfGrade && r.evaluation.stage !== 'not_started');
  const decidable = rows.filter((r) => gradeMode(r, user, path, ruleSet) === 'decide' && r.evaluation?.proposedGrade);
  const publishable = rows.filter((r) => canPublish(r, user, path));
  const unreviewed = user.role === 'viewer' ? [] : rows.filter((r) => r.evaluation && ['eligible', 'pending'].includes(r.evaluation.eligibility) && r.evaluation.reviewed !== true);
  const runAll = async (list: WorkspaceRow[], step: (r: WorkspaceRow) => Step) => {
    let ok = 0;
    const failed: string[] = [];
    for (const [i, r] of list.entries()) {
      setProgress(t('Đang lưu {{i}}/{{n}}…', { i: fmtInt(i + 1), n: fmtInt(list.length) }));
      if (await run(r.evaluation!, step(r))) ok += 1;
      else failed.push(r.name);
    }
    setProgress(failed.length ? t('Đã lưu {{ok}}/{{n}}; chưa lưu được: {{names}} (xem dòng tương ứng).', { ok: fmtInt(ok), n: fmtInt(list.length), names: failed.join(', ') }) : t('Đã lưu {{ok}}/{{n}}.', { ok: fmtInt(ok), n: fmtInt(list.length) }));
    onDone();
  };
  return (
    <div className="notice" role="region" aria-label={t('Thao tác với các dòng đã chọn')}>
      <p>{t('Đã chọn {{n}} dòng.', { n: fmtInt(rows.length) })}</p>
      <div className="actions">
        {unreviewed.length > 0 ? <button type="button" className="button" onClick={() => void runAll(unreviewed, () => ({ name: 'reviewed', reviewed: true }))}>{t('Ghi đã kiểm điểm ({{n}})', { n: fmtInt(unreviewed.length) })}</button> : null}
        {proposable.length > 0 ? <button type="button" className="button" onClick={() => void runAll(proposable, (r) => ({ name: 'propose', grade: r.evaluation!.selfGrade! }))}>{t('Đề xuất theo mức tự xếp loại ({{n}})', { n: fmtInt(proposable.length) })}</button> : null}
        {decidable.length > 0 ? <button type="button" className="button" onClick={() => void runAll(decidable, (r) => ({ name: 'decide', grade: r.evaluation!.proposedGrade!, decidingUnit: r.authority.unitCode ?? undefined, ...(r.evaluation!.khtReasons.length ? { khtReasons: r.evaluation!.khtReasons } : {}) }))}>{t('Quyết định theo đề xuất ({{n}})', { n: fmtInt(decidable.length) })}</button> : null}
        {publishable.length > 0 ? <button type="button" className="button" onClick={() => void runAll(publishable, (r) => ({ name: 'publish', byUnit: r.authority.unitCode ?? undefined }))}>{t('Công bố kết quả ({{n}})', { n: fmtInt(publishable.length) })}</button> : null}
      </div>
      {progress ? <p role="status">{progress}</p> : null}
    </div>
  );
}
