/**
 * The header of every page: a skip link, the product, the navigation of the user's role, the
 * search box, who is signed in with their role and scope, the language switch and signing out.
 * On a phone the navigation folds under a Menu button.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api.js';
import { setLanguage } from '../i18n.js';
import { roleLabel } from '../labels.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';

export function Header() {
  const { t, i18n } = useTranslation();
  const { user, scopeName, withCycle } = useSession();
  const { path, query } = useLocation();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(path === '/search' ? (query.get('q') ?? '') : '');
  const unit = encodeURIComponent(user.scopeUnitCode);
  const links: { href: string; label: string; current: boolean }[] = [
    { href: withCycle(user.role === 'clerk' ? `/units/${unit}` : `/units/${unit}/dashboard`), label: t('Trang đầu'), current: path === `/units/${unit}` || path === `/units/${unit}/dashboard` },
    { href: withCycle('/tree'), label: t('Đơn vị'), current: path === '/tree' },
    { href: withCycle(`/units/${unit}/forms`), label: t('Biểu thống kê'), current: path.endsWith('/forms') },
    ...(user.role === 'viewer' ? [] : [{ href: withCycle(`/units/${unit}/report`), label: t('Báo cáo'), current: path.endsWith('/report') }]),
    ...(user.role === 'admin' ? [{ href: withCycle('/admin'), label: t('Quản trị'), current: path === '/admin' }] : []),
  ];
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(withCycle(`/search?q=${encodeURIComponent(q.trim())}`));
  };
  const signOut = async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(undefined);
      window.location.assign('/login');
    }
  };
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <header className={`top${open ? ' open' : ''}`}>
      <a className="skip" href="#main">{t('Bỏ qua, đến nội dung chính')}</a>
      <div className="top-inner">
        <Link className="brand" href={withCycle('/')}>
          <b>xeploai</b>
          <span>{t('Kiểm điểm, đánh giá, xếp loại chất lượng')}</span>
        </Link>
        <button type="button" className="button small menu-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('Menu')}
        </button>
        <nav className="nav" aria-label={t('Điều hướng chính')}>
          {links.map((l) => (
            <Link key={l.label} href={l.href} aria-current={l.current ? 'page' : undefined} onClick={() => setOpen(false)}>
              {l.label}
            </Link>
          ))}
        </nav>
        <form className="search-form" role="search" onSubmit={search}>
          <label className="visually-hidden" htmlFor="top-search">{t('Tìm đơn vị, đảng viên, tập thể')}</label>
          <input id="top-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('Tìm đơn vị, đảng viên…')} />
          <button type="submit">{t('Tìm')}</button>
        </form>
        <div className="who">
          <span>
            <span className="name">{user.displayName}</span> · {roleLabel(user.role, i18n.language)}
            {/* The scope by name, unless the user's name already says it ("Bí thư Chi bộ Tổ dân phố số 1"). */}
            {user.displayName.toLocaleLowerCase('vi').includes(scopeName.toLocaleLowerCase('vi')) ? null : <> · <span title={user.scopeUnitCode}>{scopeName}</span></>}
          </span>
          <button type="button" className="ghost" lang={other} onClick={() => void setLanguage(other)}>
            {other === 'en' ? 'English' : 'Tiếng Việt'}
          </button>
          <button type="button" onClick={() => void signOut()}>{t('Đăng xuất')}</button>
        </div>
      </div>
    </header>
  );
}
