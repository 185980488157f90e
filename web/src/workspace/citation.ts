/**
 * The rule as a clerk reads it (UI.md principle 4: "the rule speaks where the decision is made", in
 * plain Vietnamese, principle 1): the check's texts name facts and parameters by their human names
 * instead of their codes («shortcomingsRemedied», «capGroups»), and a citation is the regulation's
 * short reference (document, article, clause) — the maintainers' notes in brackets, the
 * specification's file names and web addresses are details a page shows only on demand.
 */
import { tk } from '../tk.js';
import { subjectFactLabel } from './subject-fact-definitions.js';

/** Parameters of a cycle the checks may name, in words. */
const PARAMETER_NAMES: Record<string, string> = {
  capGroups: tk('nhóm tương đồng của kỳ'),
  outstandingUnits: tk('đơn vị có kết quả nổi trội'),
  collectiveNotAboveOrganisation: tk('tập thể không xếp cao hơn tổ chức, cơ quan, đơn vị'),
};

const nameOf = (code: string, t: (s: string) => string) => (PARAMETER_NAMES[code] ? t(PARAMETER_NAMES[code]) : subjectFactLabel(code) !== code ? t(subjectFactLabel(code)) : null);

/** Removes bracketed notes and parentheses (innermost first, so nested ones go too). */
function withoutAsides(text: string): string {
  let out = text.replace(/\s*\[[^\]]*\]/g, '');
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\s*\([^()]*\)/g, '');
  }
  return out;
}

/** A citation's parts a reader needs: the document and its article or clause, without notes, file names or web addresses. */
export function shortCitation(source: string): string {
  const parts = withoutAsides(source)
    .split(/;\s*/)
    .map((p) => p.replace(/\s+—\s+.*$/, '').trim())
    .filter((p) => p !== '' && !/\.md\b|https?:|\bwww\./.test(p));
  return [...new Set(parts)].join('; ');
}

/** A check's sentence with codes in words and its citation (`source`, when the sentence quotes it) shortened. */
export function plainRuleText(text: string, t: (s: string) => string, source?: string): string {
  return (source ? text.split(source).join(shortCitation(source)) : text)
    .replace(/«([a-zA-Z][a-zA-Z.]*)»/g, (whole, code: string) => {
      const name = nameOf(code, t);
      return name ? `«${name}»` : whole;
    })
    .replace(/tham số ([a-z][a-zA-Z]+)/g, (whole, code: string) => {
      const name = nameOf(code, t);
      return name ? `${t('tham số của kỳ')} «${name}»` : whole;
    })
    .replace(/\s*\[[^\]]*\]/g, '')
    .replace(/\s*\([^()]*(?:https?:|\.vn\b|\.md\b)[^()]*\)/g, '');
}
