/**
 * Saving one row's step at once (UI.md principle 3): the step goes with the version the page read;
 * the row shows «Đang lưu…», then «Đã lưu lúc …», or what went wrong. A 409 (someone else changed
 * the subject since) reloads the current value and keeps the user's choice beside it, to choose;
 * a grade with warnings asks for the justification the rules require. Nothing typed is lost.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation, EvaluationHistoryEntry } from '../../../src/domain/model/evaluations.js';
import type { Stage } from '../../../src/domain/workflow/stages.js';
import type { RowEvaluation } from '../../../src/services/workspace.js';
import { api, ApiError } from '../api.js';
import type { SaveState } from '../components/common.js';
import type { Grade } from '../labels.js';

export type StepName = 'self-assess' | 'propose' | 'appraise' | 'decide' | 'publish' | 'reviewed';

/** A workflow step a row asks for. */
export interface Step {
  name: StepName;
  grade?: Grade;
  khtReasons?: string[];
  decidingUnit?: string;
  byUnit?: string;
  justification?: string;
  /** For `appraise`: the appraisal's comment. */
  comment?: string;
  /** For `reviewed`: whether the subject was reviewed (kiểm điểm), a free field saved with PATCH. */
  reviewed?: boolean;
}

export interface RowState {
  save: SaveState;
  /** Someone else changed the subject: its current evaluation, who and when, and the step the user wanted. */
  conflict?: { step: Step; current: RowEvaluation; by: string | null; at: string | null };
  /** The grade has warnings: the rules ask for a justification before it is recorded. */
  justify?: { step: Step; message: string };
}

function bodyOf(step: Step, version: number): Record<string, unknown> {
  const { name: _name, ...rest } = step;
  return Object.fromEntries(Object.entries({ ...rest, version }).filter(([, v]) => v !== undefined));
}

/** The evaluation as the grid keeps it, from a step's answer or a reload. */
export function toRow(e: Evaluation, stage: Stage): RowEvaluation {
  const { id, version, eligibility, eligibilityReason, reviewed, selfGrade, proposedGrade, decidedGrade, decidingUnitCode, khtReasons, score, note, updatedAt } = e;
  return { id, version, eligibility, eligibilityReason, reviewed, selfGrade, proposedGrade, decidedGrade, decidingUnitCode, khtReasons, score, note, stage, updatedAt };
}

/** Reads an evaluation as it stands now, with the last change's author and time. */
export async function reloadEvaluation(id: string): Promise<{ evaluation: RowEvaluation; by: string | null; at: string | null }> {
  const [e, wf] = await Promise.all([
    api.get<Evaluation & { history: EvaluationHistoryEntry[] }>(`/api/evaluations/${id}`),
    api.get<{ stage: Stage; steps: { at: string; actor: string }[] }>(`/api/evaluations/${id}/workflow`),
  ]);
  const lastHistory = e.history[e.history.length - 1];
  const lastStep = wf.steps[wf.steps.length - 1];
  const last = [lastHistory, lastStep].filter((x): x is { at: string; actor: string } => Boolean(x)).sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  return { evaluation: toRow(e, wf.stage), by: last?.actor ?? null, at: last?.at ?? null };
}

/** Per-row save states and the function that runs a step for a row. */
export function useRowSaver(onSaved: (evaluationId: string, evaluation: RowEvaluation) => void) {
  const { i18n } = useTranslation();
  const [states, setStates] = useState<Record<string, RowState>>({});
  const set = useCallback((id: string, s: RowState) => setStates((all) => ({ ...all, [id]: s })), []);
  /** Steps of one row run one after the other, each with the version the previous one left. */
  const queues = useRef(new Map<string, Promise<unknown>>());
  const latest = useRef(new Map<string, RowEvaluation>());
  /** The version a conflict reloaded, per row: steps queued from the older view are not sent. */
  const conflicted = useRef(new Map<string, number>());
  const saved = useCallback(
    (id: string, e: RowEvaluation) => {
      latest.current.set(id, e);
      onSaved(id, e);
    },
    [onSaved],
  );

  const runNow = useCallback(
    async (given: RowEvaluation, step: Step): Promise<boolean> => {
      const seen = conflicted.current.get(given.id);
      if (seen !== undefined && given.version < seen) return false; // the user has not seen the current value yet
      const known = latest.current.get(given.id);
      const evaluation = known && known.version > given.version ? known : given;
      const id = evaluation.id;
      set(id, { save: { kind: 'saving' } });
      try {
        if (step.name === 'reviewed') {
          const res = await api.patch<Evaluation>(`/api/evaluations/${id}`, { reviewed: step.reviewed ?? true, version: evaluation.version });
          saved(id, toRow(res, evaluation.stage));
        } else {
          const res = await api.post<{ evaluation: Evaluation; stage: Stage }>(`/api/evaluations/${id}/${step.name}`, bodyOf(step, evaluation.version));
          saved(id, toRow(res.evaluation, res.stage));
        }
        set(id, { save: { kind: 'saved', at: new Date().toISOString() } });
        return true;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.code === 'Conflict') {
          const now = await reloadEvaluation(id);
          conflicted.current.set(id, now.evaluation.version);
          saved(id, now.evaluation);
          set(id, { save: { kind: 'error', message: e.text(i18n.language) }, conflict: { step, current: now.evaluation, by: now.by, at: now.at } });
        } else if (e.code === 'JustificationRequired') {
          set(id, { save: { kind: 'idle' }, justify: { step, message: e.text(i18n.language) } });
        } else {
          set(id, { save: { kind: 'error', message: e.text(i18n.language) } });
        }
        return false;
      }
    },
    [i18n.language, saved, set],
  );

  const run = useCallback(
    (evaluation: RowEvaluation, step: Step): Promise<boolean> => {
      const before = queues.current.get(evaluation.id) ?? Promise.resolve();
      const next = before.then(() => runNow(evaluation, step));
      queues.current.set(evaluation.id, next.catch(() => undefined));
      return next;
    },
    [runNow],
  );

  const clear = useCallback((id: string) => set(id, { save: { kind: 'idle' } }), [set]);
  return { states, run, clear };
}
