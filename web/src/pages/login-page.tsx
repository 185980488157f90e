/**
 * Sign-in (issue #9 item 1): fields labelled «Tên đăng nhập» and «Mật khẩu», the button «Đăng nhập»;
 * a wrong name or password says so without telling which; after signing in the user goes back to
 * the page asked for (`?next=`, local addresses only).
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../api.js';
import { setLanguage } from '../i18n.js';
import { useLocation } from '../router.js';
import { safeNext } from '../../../src/domain/safe-next.js';


export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.title = `${t('Đăng nhập')} · xeploai`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ csrfToken: string }>('/api/auth/login', { username, password });
      setCsrfToken(res.csrfToken);
      window.location.assign(safeNext(query.get('next')));
    } catch (err) {
      setError(err instanceof ApiError ? err.text(i18n.language) : String(err));
      setBusy(false);
    }
  };
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <>
      <header className="top">
        <div className="top-inner">
          <span className="brand"><b>xeploai</b><span>{t('Kiểm điểm, đánh giá, xếp loại chất lượng')}</span></span>
          <div className="login-lang"><button type="button" className="button small" lang={other} onClick={() => void setLanguage(other)}>{other === 'en' ? 'English' : 'Tiếng Việt'}</button></div>
        </div>
      </header>
      <main id="main">
        <div className="card login">
          <h1>{t('Đăng nhập')}</h1>
          <p className="muted">{t('Dùng tài khoản do Ban Tổ chức hoặc quản trị viên cấp.')}</p>
          {error ? (
            <div className="error-summary" role="alert" tabIndex={-1} ref={errorRef}>
              <h2>{t('Chưa đăng nhập được')}</h2>
              <p>{error}</p>
            </div>
          ) : null}
          <form onSubmit={submit} noValidate>
            <label className="field">
              <span>{t('Tên đăng nhập')}</span>
              <input type="text" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('Mật khẩu')}</span>
              <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <button className="button primary" type="submit" disabled={busy}>{busy ? t('Đang đăng nhập…') : t('Đăng nhập')}</button>
          </form>
        </div>
      </main>
    </>
  );
}
