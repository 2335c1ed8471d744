import { Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import {
  BellOutlined,
  BookOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  HomeOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Suspense, useEffect } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { warmPeopleSearch } from '../../db/people-search';
import { useServices } from './app-context';
import { useI18n, type Locale, type MessageKey } from '../../i18n/i18n';
import { HomePage } from '../home/HomePage';
import { CertificatePrintPage } from '../certificates/CertificatePrintPage';
import {
  CoursesPage,
  SessionsPage,
  SessionDetailPage,
  PeoplePage,
  PersonDetailPage,
  EnterprisesPage,
  EnterpriseDetailPage,
  CertificatesPage,
  VerifyPage,
  SettingsPage,
  ImportPage,
  SheetEntryPage,
  SignInSheetPage,
  RemindersPage,
  NoticesPrintPage,
  PersonArchivePrintPage,
  EnterpriseArchivePrintPage,
  CoveragePage,
  CoveragePrintPage,
  NoticesPage,
  NoticePrintPage,
  StatisticsPage,
  StatisticsPrintPage,
  DataPage,
} from './lazy-pages';
import { CheckInStation } from '../checkin/CheckInStation';
// issue 8: dashboard, coverage, notices
// issue 8: statistics

const NAV: Array<{ path: string; label: MessageKey; icon: React.ReactNode }> = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/sessions', label: 'nav.sessions', icon: <CalendarOutlined /> },
  { path: '/courses', label: 'nav.courses', icon: <BookOutlined /> },
  { path: '/people', label: 'nav.people', icon: <TeamOutlined /> },
  { path: '/enterprises', label: 'nav.enterprises', icon: <BankOutlined /> },
  { path: '/certificates', label: 'nav.certificates', icon: <SafetyCertificateOutlined /> },
  // nav: certificates (issue 6)
  { path: '/verify', label: 'nav.verify', icon: <SafetyOutlined /> },
  // nav: archive and reminders (issue 6)
  { path: '/reminders', label: 'nav.reminders', icon: <BellOutlined /> },
  // nav: statistics (issue 8)
  { path: '/statistics', label: 'nav.statistics', icon: <BarChartOutlined /> },
  // nav: coverage (issue 8)
  { path: '/coverage', label: 'nav.coverage', icon: <PieChartOutlined /> },
  // nav: data (issue 7)
  { path: '/data', label: 'nav.data', icon: <DatabaseOutlined /> },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined /> },
];

function selectedNav(pathname: string): string {
  const match = NAV.filter((n) => n.path !== '/' && pathname.startsWith(n.path)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  // Screens reached from within a task (import, print) light up no menu item rather than the wrong one.
  return match?.path ?? (pathname === '/' ? '/' : '');
}

export function AppLayout() {
  const location = useLocation();
  // The station searches people by name at the door as much as the office does; print views need no index.
  useWarmPeopleSearch(!location.pathname.startsWith('/print/'));
  // Full-screen views (print, the check-in station) have no office menu; each has its own way back.
  if (location.pathname.startsWith('/print/') || location.pathname.startsWith('/checkin/')) {
    return (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <Routes>
          <Route path="/print/certificates" element={<CertificatePrintPage />} />
          <Route path="/print/signin/:sessionId" element={<SignInSheetPage />} />
          <Route path="/checkin/:sessionId" element={<CheckInStation />} />
          {/* print routes: certificates (issue 6) */}
          {/* print routes: archive and reminders (issue 6) */}
          <Route path="/print/archive/person/:id" element={<PersonArchivePrintPage />} />
          <Route path="/print/archive/enterprise/:id" element={<EnterpriseArchivePrintPage />} />
          <Route path="/print/reminders" element={<NoticesPrintPage />} />
          {/* print routes: statistics (issue 8) */}
          <Route path="/print/statistics" element={<StatisticsPrintPage />} />
          {/* print routes: coverage and notices (issue 8) */}
          <Route path="/print/coverage" element={<CoveragePrintPage />} />
          <Route path="/print/notice" element={<NoticePrintPage />} />
          {/* print routes: check-in (issue 4) */}
          <Route path="/checkin/:sessionId/sheet" element={<SheetEntryPage />} />
        </Routes>
      </Suspense>
    );
  }
  return <OfficeLayout />;
}

/**
 * How long after start the people search index is built: after the first screen's figures, usually before anyone
 * types. Building it reads the whole register (100,000 people in a large district); IndexedDB serves one database's
 * requests in turn, so started at 1.5 s it held the home screen's first figures back from 5 s to 11.5 s (profiled
 * on the benchmark's full size). A search before it is built answers from the database's prefix indexes and starts
 * the build at once.
 */
const WARM_SEARCH_AFTER_MS = 8000;

function useWarmPeopleSearch(enabled: boolean) {
  const { ctx } = useServices();
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => void warmPeopleSearch(ctx), WARM_SEARCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [ctx, enabled]);
}

function OfficeLayout() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="light" breakpoint="lg" collapsedWidth={56} className="no-print">
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#1f5fa8' }}>
          {t('app.name')}
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={[selectedNav(location.pathname)]}
            items={NAV.map((n) => ({ key: n.path, icon: n.icon, label: t(n.label) }))}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            height: 48,
          }}
        >
          <Space>
            <Typography.Text type="secondary">{t('app.offlineBadge')}</Typography.Text>
            <Segmented<Locale>
              aria-label={t('app.language')}
              size="small"
              value={locale}
              onChange={setLocale}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en' },
              ]}
            />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/courses" element={<CoursesPage />} />
                <Route path="/sessions" element={<SessionsPage />} />
                <Route path="/sessions/:id" element={<SessionDetailPage />} />
                <Route path="/people" element={<PeoplePage />} />
                <Route path="/people/:id" element={<PersonDetailPage />} />
                <Route path="/enterprises" element={<EnterprisesPage />} />
                <Route path="/enterprises/:id" element={<EnterpriseDetailPage />} />
                <Route path="/certificates" element={<CertificatesPage />} />
                <Route path="/settings" element={<SettingsPage />} />
                <Route path="/import" element={<ImportPage />} />
                {/* routes: certificates (issue 6) */}
                <Route path="/verify" element={<VerifyPage />} />
                {/* routes: archive and reminders (issue 6) */}
                <Route path="/reminders" element={<RemindersPage />} />
                {/* routes: statistics (issue 8) */}
                <Route path="/statistics" element={<StatisticsPage />} />
                {/* routes: coverage and notices (issue 8) */}
                <Route path="/coverage" element={<CoveragePage />} />
                <Route path="/notices" element={<NoticesPage />} />
                {/* routes: check-in (issue 4) */}
                {/* routes: data (issue 7) */}
                <Route path="/data" element={<DataPage />} />
              </Routes>
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
