/**
 * Accounts for the administrator (issue #9 item 9): who may sign in, with which role and scope; create
 * (a generated password shown once), change role, scope or name, disable or enable, set a new
 * password — each change with the account's version.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src/domain/access.js';
import type { User } from '../../../src/db/queries/users.js';
import { api, ApiError } from '../api.js';
import { ErrorNotice, Loading, useData } from '../components/common.js';
import { roleLabel } from '../labels.js';

function Editor({ user, onDone }: { user: User; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState(user.scopeUnitCode);
  const [name, setName] = useState(user.displayName);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.patch(`/api/users/${encodeURIComponent(user.username)}`, { version: user.version, role, scope, displayName: name });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(i18n.language) : String(err));
    }
  };
  return (
    <form onSubmit={submit} className="conflict">
      {error ? <p role="alert" className="g-KHT">{error}</p> : null}
      <div className="inline-fields">
        <label className="field"><span>{t('Tên hiển thị')}</span><input type="text" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label className="field"><span>{t('Vai trò')}</span><select value={role} onChange={(e) => setRole(e.target.value as Role)}>{ROLES.map((r) => <option key={r} value={r}>{roleLabel(r, i18n.language)}</option>)}</select></label>
        <label className="field"><span>{t('Mã đơn vị phạm vi')}</span><input type="text" value={scope} onChange={(e) => setScope(e.target.value)} /></label>
      </div>
      <button type="submit" className="button small primary">{t('Lưu tài khoản')}</button>
    </form>
  );
}

export function UsersAdmin() {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useData<{ users: User[] }>((s) => api.get('/api/users', s), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'clerk', scope: '', password: '' });
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await fn();
      setMessage(done);
      reload();
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      const res = await api.post<{ user: User; password?: string }>('/api/users', { ...form, password: form.password || undefined, displayName: form.displayName || undefined });
      setForm({ username: '', displayName: '', role: 'clerk', scope: '', password: '' });
      setMessage(res.password ? t('Đã tạo tài khoản {{u}}. Mật khẩu (chỉ hiện một lần, hãy ghi lại): {{p}}', { u: res.user.username, p: res.password }) : t('Đã tạo tài khoản {{u}}.', { u: res.user.username }));
      reload();
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  };
  const reset = async (u: User) => {
    setFailure(null);
    try {
      const res = await api.post<{ password?: string }>(`/api/users/${encodeURIComponent(u.username)}/password`, { version: u.version });
      setMessage(t('Mật khẩu mới của {{u}} (chỉ hiện một lần, hãy ghi lại): {{p}}', { u: u.username, p: res.password ?? '' }));
      reload();
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  };
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      {message ? <p className="notice ok" role="status">{message}</p> : null}
      <ErrorNotice error={failure} />
      <div className="table-wrap">
        <table className="cards">
          <thead><tr><th scope="col">{t('Tên đăng nhập')}</th><th scope="col">{t('Tên hiển thị')}</th><th scope="col">{t('Vai trò')}</th><th scope="col">{t('Phạm vi')}</th><th scope="col">{t('Trạng thái')}</th><th scope="col">{t('Thao tác')}</th></tr></thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.username}>
                <td data-label={t('Tên đăng nhập')}><b>{u.username}</b></td>
                <td data-label={t('Tên hiển thị')}>{u.displayName}</td>
                <td data-label={t('Vai trò')}>{roleLabel(u.role, i18n.language)}</td>
                <td data-label={t('Phạm vi')}>{u.scopeUnitCode}</td>
                <td data-label={t('Trạng thái')}>{u.disabled ? <span className="g-KHT">{t('Đã khóa')}</span> : t('Đang dùng')}</td>
                <td data-label={t('Thao tác')}>
                  <div className="actions">
                    <button type="button" className="button small" onClick={() => setEditing(editing === u.username ? null : u.username)}>{t('Sửa')}</button>
                    <button type="button" className="button small" onClick={() => void act(() => api.patch(`/api/users/${encodeURIComponent(u.username)}`, { version: u.version, disabled: !u.disabled }), u.disabled ? t('Đã mở khóa {{u}}.', { u: u.username }) : t('Đã khóa {{u}}; các phiên đăng nhập của tài khoản đã kết thúc.', { u: u.username }))}>{u.disabled ? t('Mở khóa') : t('Khóa')}</button>
                    <button type="button" className="button small" onClick={() => void reset(u)}>{t('Đặt lại mật khẩu')}</button>
                  </div>
                  {editing === u.username ? <Editor user={u} onDone={() => { setEditing(null); reload(); }} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="card" onSubmit={(e) => void create(e)} style={{ marginTop: '1rem' }}>
        <h2 style={{ marginTop: 0 }}>{t('Tạo tài khoản')}</h2>
        <div className="inline-fields">
          <label className="field"><span>{t('Tên đăng nhập')}</span><input type="text" required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /></label>
          <label className="field"><span>{t('Tên hiển thị')}</span><input type="text" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} /></label>
          <label className="field"><span>{t('Vai trò')}</span><select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>{ROLES.map((r) => <option key={r} value={r}>{roleLabel(r, i18n.language)}</option>)}</select></label>
          <label className="field"><span>{t('Mã đơn vị phạm vi')}</span><input type="text" required value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value })} /></label>
          <label className="field"><span>{t('Mật khẩu (để trống: tự sinh)')}</span><input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        </div>
        <button type="submit" className="button primary">{t('Tạo tài khoản')}</button>
      </form>
    </>
  );
}
