/**
 * Search (issue #9 item 2): units, people (name or card number) and collectives of the user's scope,
 * ignoring diacritics ("dong" finds "Đồng"), as the tree stood on the cycle's reference date.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../../../src/services/search.js';
import { api, qs } from '../api.js';
import { ErrorNotice, Loading, useData, useTitle } from '../components/common.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';

export function SearchPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const { cycle, withCycle } = useSession();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error, loading } = useData<SearchResults | null>((s) => (q.trim() ? api.get<SearchResults>(`/api/search${qs({ q, cycle: cycle?.year })}`, s) : Promise.resolve(null)), [q, cycle?.year]);
  useTitle(t('Tìm kiếm'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withCycle(`/search?q=${encodeURIComponent(text.trim())}`));
  };
  const total = data ? data.units.length + data.persons.length + data.collectives.length : 0;
  return (
    <>
      <h1>{t('Tìm kiếm')}</h1>
      <form className="actions" role="search" onSubmit={submit} style={{ marginBottom: '1rem' }}>
        <label className="field" style={{ flex: '1 1 20rem', margin: 0 }}>
          <span>{t('Tên đơn vị, họ tên hoặc số thẻ đảng viên, tên tập thể')}</span>
          <span className="hint">{t('Gõ có dấu hay không dấu đều được: «dong» tìm được «Đồng».')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button className="button primary" type="submit" style={{ alignSelf: 'flex-end' }}>{t('Tìm')}</button>
      </form>
      <ErrorNotice error={error} />
      {loading && q ? <Loading /> : null}
      {data ? (
        <div aria-live="polite">
          <p>{t('{{n}} kết quả cho «{{q}}».', { n: total, q })}</p>
          {data.units.length > 0 ? (
            <section><h2>{t('Đơn vị ({{n}})', { n: data.units.length })}</h2>
              <ul>{data.units.map((u) => <li key={u.code}><Link href={withCycle(`/units/${encodeURIComponent(u.code)}`)}>{u.name}</Link> <span className="muted small">— {u.kindLabel}{u.parentName ? `, ${u.parentName}` : ''}</span></li>)}</ul>
            </section>
          ) : null}
          {data.persons.length > 0 ? (
            <section><h2>{t('Đảng viên ({{n}})', { n: data.persons.length })}</h2>
              <ul>{data.persons.map((p) => <li key={p.cardNumber}>{p.unitCode ? <Link href={withCycle(`/units/${encodeURIComponent(p.unitCode)}`)}>{p.fullName}</Link> : p.fullName} <span className="muted small">— {t('số thẻ')} {p.cardNumber}{p.unitName ? `, ${p.unitName}` : ''}</span></li>)}</ul>
            </section>
          ) : null}
          {data.collectives.length > 0 ? (
            <section><h2>{t('Tập thể lãnh đạo, quản lý ({{n}})', { n: data.collectives.length })}</h2>
              <ul>{data.collectives.map((c) => <li key={c.code}><Link href={withCycle(`/units/${encodeURIComponent(c.unitCode)}`)}>{c.name}</Link> <span className="muted small">— {c.kindLabel}, {c.unitName}</span></li>)}</ul>
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
