/**
 * The facts the pages enter (web/src/workspace/fact-definitions.ts, subject-fact-definitions.ts) are
 * what the server accepts: every stored fact's body, filled as a clerk fills its fields, passes the
 * catalogue's check for a subject and rule set it is offered for; every event's body passes the
 * events route's schema; a row offers exactly the facts the catalogue allows for its kind and rule set.
 */
import { describe, expect, it } from 'vitest';
import { SUBJECT_FACT_CODES, SUBJECT_FACTS, checkSubjectFact } from '../../src/domain/workflow/fact-catalogue.js';
import { eventBody } from '../../src/schemas/persons.js';
import type { WorkspaceRow } from '../../src/services/workspace.js';
import { FACT_DEFINITIONS, factsFor, type FactField } from '../../web/src/workspace/fact-definitions.js';
import { SUBJECT_FACT_DEFINITIONS } from '../../web/src/workspace/subject-fact-definitions.js';

/** What a clerk types in a field: a count below its total, a percentage with a decimal comma, a date. */
function typed(f: FactField): string {
  if (f.type === 'date') return '2023-11-20';
  if (f.type === 'select') return f.options?.('vi')[0]?.value ?? '';
  if (f.type === 'text') return f.name === 'documentNumber' ? '07-KL/CB' : 'ghi chú';
  if (f.name === 'total') return '12';
  if (f.name === 'violationYear') return '2022';
  if (f.name === 'general') return '27,5';
  if (f.name === 'results') return '60';
  if (f.name === 'value') return '87,5';
  return '3';
}
const fill = (fields: readonly FactField[]) => Object.fromEntries(fields.map((f) => [f.name, typed(f)]));

describe('the facts the pages enter', () => {
  it('cover the twelve stored facts of the catalogue, each with its document', () => {
    expect(SUBJECT_FACT_DEFINITIONS.map((d) => d.id).sort()).toEqual([...SUBJECT_FACT_CODES].sort());
    for (const d of SUBJECT_FACT_DEFINITIONS) expect(d.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['concludedOn', 'documentNumber', 'documentDate']));
  });

  it('send bodies the catalogue accepts', () => {
    for (const d of SUBJECT_FACT_DEFINITIONS) {
      const body = d.body(fill(d.fields)) as { value: unknown; concludedOn: string; documentNumber: string; documentDate: string };
      const fact = checkSubjectFact(d.id as (typeof SUBJECT_FACT_CODES)[number], body, { subjectKind: d.subjectKinds[0]!, ruleSet: d.ruleSets![0]!, enteredBy: 'chibo', enteredAt: '2023-11-21T01:00:00Z' });
      expect(fact.documentNumber).toBe('07-KL/CB');
      expect(fact.documentDate).toBe('2023-11-20');
    }
    const parts = SUBJECT_FACT_DEFINITIONS.find((d) => d.id === 'scoreParts')!;
    expect(parts.body(fill(parts.fields)).value).toEqual({ general: 27.5, results: 60 });
    const peers = SUBJECT_FACT_DEFINITIONS.find((d) => d.id === 'peerBodyGrades')!;
    expect(peers.body({ HTXS: '1', HTT: '2', HT: '', KHT: '' }).value).toEqual(['HTXS', 'HTT', 'HTT']);
  });

  it('send event bodies the events route accepts, with the decision and the violation year', () => {
    for (const d of FACT_DEFINITIONS.filter((x) => x.store === 'event')) {
      const parsed = eventBody.parse(d.body(fill(d.fields)));
      expect(parsed.kind).toBe(d.id);
    }
    const discipline = FACT_DEFINITIONS.find((d) => d.id === 'disciplined')!;
    expect(discipline.body(fill(discipline.fields))).toMatchObject({ violationYear: 2022, documentNumber: '07-KL/CB', documentDate: '2023-11-20', dutyRelated: true });
    expect(FACT_DEFINITIONS.map((d) => d.id)).toEqual(expect.arrayContaining(['violated_prohibitions', 'violated_example_duty']));
  });

  it('offer a row only the stored facts its kind and rule set have', () => {
    const row = (kind: WorkspaceRow['kind']) => ({ kind }) as WorkspaceRow;
    for (const ruleSet of ['QD132-HD21', 'QD124-HD25', 'QD366-HD43'] as const) {
      for (const kind of ['member', 'position', 'collective', 'unit'] as const) {
        const offered = factsFor(row(kind), ruleSet).filter((d) => d.store === 'fact').map((d) => d.id).sort();
        const allowed = SUBJECT_FACT_CODES.filter((c) => SUBJECT_FACTS[c].kinds.includes(kind) && SUBJECT_FACTS[c].ruleSets.includes(ruleSet)).sort();
        expect(offered).toEqual(allowed);
      }
    }
  });
});
