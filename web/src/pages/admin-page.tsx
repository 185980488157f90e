/** Administration (issue #9 item 9): cycles with their deadlines and parameters, accounts, the report template. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CyclesAdmin } from '../admin/cycles-admin.js';
import { TemplateAdmin } from '../admin/template-admin.js';
import { UsersAdmin } from '../admin/users-admin.js';
import { useTitle } from '../components/common.js';
import { tk } from '../i18n.js';
import { useSession } from '../session.js';

const TABS = [tk('Kỳ đánh giá'), tk('Tài khoản'), tk('Mẫu báo cáo')];

export function AdminPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [tab, setTab] = useState(0);
  useTitle(t('Quản trị'));
  if (user.role !== 'admin') return <div className="notice bad" role="alert">{t('Chỉ quản trị viên mới dùng trang này.')}</div>;
  return (
    <>
      <h1>{t('Quản trị')}</h1>
      <div className="tabs" role="tablist">
        {TABS.map((label, i) => <button key={label} type="button" role="tab" aria-selected={tab === i} onClick={() => setTab(i)}>{t(label)}</button>)}
      </div>
      {tab === 0 ? <CyclesAdmin /> : tab === 1 ? <UsersAdmin /> : <TemplateAdmin />}
    </>
  );
}
