/**
 * A citation as the check panel and the dashboard show it: the regulation's short reference; the
 * full citation (with the maintainers' notes) opens on demand, never on hover (UI.md principle 6).
 */
import { useTranslation } from 'react-i18next';
import { shortCitation } from './citation.js';

export function Cite({ source }: { source: string }) {
  const { t } = useTranslation();
  const short = shortCitation(source);
  if (short === source.trim()) return <span className="source"> ({short})</span>;
  return (
    <details className="cite">
      <summary><span className="visually-hidden">{t('Trích dẫn: ')}</span>{short || t('nguồn')}</summary>
      <span className="source">{source}</span>
    </details>
  );
}
