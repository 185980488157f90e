/**
 * The application shell: the sign-in page, or for a signed-in user the header (who, role, scope,
 * navigation, search, language, sign-out), the cycle bar with the roll, and the page of the address,
 * each page loaded on demand so the first page stays small (UI.md principle 9).
 */
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './components/header.js';
import { CycleBar } from './components/cycle-bar.js';
import { match, navigate, useLocation } from './router.js';
import { SessionProvider, useSession } from './session.js';
import { LoginPage } from './pages/login-page.js';

const WorkspacePage = lazy(() => import('./pages/workspace-page.js').then((m) => ({ default: m.WorkspacePage })));
const DashboardPage = lazy(() => import('./pages/dashboard-page.js').then((m) => ({ default: m.DashboardPage })));
const TreePage = lazy(() => import('./pages/tree-page.js').then((m) => ({ default: m.TreePage })));
const SearchPage = lazy(() => import('./pages/search-page.js').then((m) => ({ default: m.SearchPage })));
const SubjectPage = lazy(() => import('./pages/subject-page.js').then((m) => ({ default: m.SubjectPage })));
const FormsPage = lazy(() => import('./pages/forms-page.js').then((m) => ({ default: m.FormsPage })));
const ReportPage = lazy(() => import('./pages/report-page.js').then((m) => ({ default: m.ReportPage })));
const TracePage = lazy(() => import('./pages/trace-page.js').then((m) => ({ default: m.TracePage })));
const AdminPage = lazy(() => import('./pages/admin-page.js').then((m) => ({ default: m.AdminPage })));

/** Where a user starts: a cell's clerk in the unit's workspace, everyone else on their committee's dashboard. */
function Home() {
  const { user, withCycle } = useSession();
  useEffect(() => {
    const unit = encodeURIComponent(user.scopeUnitCode);
    navigate(withCycle(user.role === 'clerk' ? `/units/${unit}` : `/units/${unit}/dashboard`), { replace: true });
  }, [user, withCycle]);
  return null;
}

function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('Đang tải…')}</p>;
}

function NotFound() {
  const { t } = useTranslation();
  const { withCycle } = useSession();
  return (
    <div className="card">
      <h1>{t('Không tìm thấy trang')}</h1>
      <p>{t('Địa chỉ có thể đã gõ sai hoặc trang đã được chuyển.')}</p>
      <p><a className="button primary" href={withCycle('/')}>{t('Về trang đầu')}</a></p>
    </div>
  );
}

function Page({ path }: { path: string }): ReactNode {
  let m: Record<string, string> | null;
  if (path === '/' || path === '') return <Home />;
  if ((m = match('/units/:code', path))) return <WorkspacePage code={m.code!} />;
  if ((m = match('/units/:code/dashboard', path))) return <DashboardPage code={m.code!} />;
  if ((m = match('/units/:code/forms', path))) return <FormsPage code={m.code!} />;
  if ((m = match('/units/:code/report', path))) return <ReportPage code={m.code!} />;
  if ((m = match('/units/:code/trace', path))) return <TracePage code={m.code!} />;
  if ((m = match('/subjects/:id', path))) return <SubjectPage id={m.id!} />;
  if (match('/tree', path)) return <TreePage />;
  if (match('/search', path)) return <SearchPage />;
  if (match('/admin', path)) return <AdminPage />;
  return <NotFound />;
}

function Shell() {
  const { path } = useLocation();
  return (
    <>
      <Header />
      <CycleBar />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Page path={path} />
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  const { path } = useLocation();
  if (path === '/login') return <LoginPage />;
  return (
    <SessionProvider fallback={<main id="main"><Loading /></main>}>
      <Shell />
    </SessionProvider>
  );
}
