/**
 * The status cell of a grid row: its stage, the save state, and when needed the conflict (the
 * current value beside the user's, to choose) or the justification the rules ask for a warning.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowEvaluation } from '../../../src/services/workspace.js';
import { SaveStatus } from '../components/common.js';
import { fmtDateTime } from '../format.js';
import { gradeLabel, stageLabel } from '../labels.js';
import type { RowState, Step } from './row-saver.js';
import { plainRuleText } from './citation.js';

function stepGrade(step: Step, lang: string): string {
  return step.grade ? `${step.grade} — ${gradeLabel(step.grade, lang)}` : step.name;
}

function currentGrade(e: RowEvaluation, lang: string): string {
  const g = e.decidedGrade ?? e.proposedGrade ?? e.selfGrade;
  return g ? `${g} — ${gradeLabel(g, lang)}` : '—';
}

export function RowStatus({ name, evaluation, state, onRetry, onKeep }: { name: string; evaluation: RowEvaluation; state: RowState | undefined; onRetry: (step: Step) => void; onKeep: () => void }) {
  const { t, i18n } = useTranslation();
  const [why, setWhy] = useState('');
  const lang = i18n.language;
  return (
    <div>
      <span className="small">{stageLabel(evaluation.stage, lang)}</span>{' '}
      {state && !state.conflict ? <SaveStatus state={state.save} /> : null}
      {state?.conflict ? (
        <div className="conflict" role="alert">
          <p>
            <b>{t('Người khác vừa thay đổi đồng chí/đối tượng này.')}</b>{' '}
            {t('Hiện đang là: {{current}}', { current: currentGrade(state.conflict.current, lang) })}
            {state.conflict.by ? ` (${state.conflict.by}, ${fmtDateTime(state.conflict.at)})` : ''}.{' '}
            {t('Bạn chọn: {{mine}}.', { mine: stepGrade(state.conflict.step, lang) })}
          </p>
          <div className="actions">
            <button type="button" className="button small" onClick={onKeep}>{t('Giữ giá trị hiện tại')}</button>
            <button type="button" className="button small primary" onClick={() => onRetry(state.conflict!.step)}>{t('Ghi giá trị của tôi')}</button>
          </div>
        </div>
      ) : null}
      {state?.justify ? (
        <form
          className="conflict"
          onSubmit={(e) => {
            e.preventDefault();
            if (why.trim()) onRetry({ ...state.justify!.step, justification: why.trim() });
          }}
        >
          <p role="alert">{plainRuleText(state.justify.message, t)}</p>
          <label className="field">
            <span>{t('Lý do chấp nhận cảnh báo: {{name}}', { name })}</span>
            <textarea value={why} onChange={(e) => setWhy(e.target.value)} rows={2} style={{ minHeight: '4rem' }} />
          </label>
          <div className="actions">
            <button type="submit" className="button small primary">{t('Ghi lý do và lưu')}</button>
            <button type="button" className="button small" onClick={onKeep}>{t('Bỏ qua')}</button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
