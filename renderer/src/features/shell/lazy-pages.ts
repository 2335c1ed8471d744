import { lazy } from 'react';

/**
 * Every page but the home screen, the check-in station and the certificate print view, each in a chunk of its own:
 * a cold start loads, parses and runs only what the first screen shows (the statistics page alone brings ECharts). A
 * page's chunk loads the first time it is opened, from the app's own files. The certificate print view stays in the
 * main bundle: loaded as a chunk, its A5 certificates printed on A4 pages (its named @page rules and the print
 * styles' default page then arrive in other style sheets; the e2e of both sizes caught it).
 */
export const CoursesPage = lazy(() =>
  import('../courses/CoursesPage').then((m) => ({ default: m.CoursesPage })),
);
export const SessionsPage = lazy(() =>
  import('../sessions/SessionsPage').then((m) => ({ default: m.SessionsPage })),
);
export const SessionDetailPage = lazy(() =>
  import('../sessions/SessionDetailPage').then((m) => ({ default: m.SessionDetailPage })),
);
export const PeoplePage = lazy(() => import('../people/PeoplePage').then((m) => ({ default: m.PeoplePage })));
export const PersonDetailPage = lazy(() =>
  import('../people/PersonDetailPage').then((m) => ({ default: m.PersonDetailPage })),
);
export const EnterprisesPage = lazy(() =>
  import('../enterprises/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })),
);
export const EnterpriseDetailPage = lazy(() =>
  import('../enterprises/EnterpriseDetailPage').then((m) => ({ default: m.EnterpriseDetailPage })),
);
export const CertificatesPage = lazy(() =>
  import('../certificates/CertificatesPage').then((m) => ({ default: m.CertificatesPage })),
);
export const VerifyPage = lazy(() => import('../verify/VerifyPage').then((m) => ({ default: m.VerifyPage })));
export const SettingsPage = lazy(() =>
  import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
export const ImportPage = lazy(() => import('../import/ImportPage').then((m) => ({ default: m.ImportPage })));
export const SheetEntryPage = lazy(() =>
  import('../checkin/SheetEntryPage').then((m) => ({ default: m.SheetEntryPage })),
);
export const SignInSheetPage = lazy(() =>
  import('../signin-sheet/SignInSheetPage').then((m) => ({ default: m.SignInSheetPage })),
);
export const RemindersPage = lazy(() =>
  import('../reminders/RemindersPage').then((m) => ({ default: m.RemindersPage })),
);
export const NoticesPrintPage = lazy(() =>
  import('../reminders/NoticesPrintPage').then((m) => ({ default: m.NoticesPrintPage })),
);
export const PersonArchivePrintPage = lazy(() =>
  import('../archive/PersonArchivePrintPage').then((m) => ({ default: m.PersonArchivePrintPage })),
);
export const EnterpriseArchivePrintPage = lazy(() =>
  import('../archive/EnterpriseArchivePrintPage').then((m) => ({ default: m.EnterpriseArchivePrintPage })),
);
export const CoveragePage = lazy(() =>
  import('../coverage/CoveragePage').then((m) => ({ default: m.CoveragePage })),
);
export const CoveragePrintPage = lazy(() =>
  import('../coverage/CoveragePrintPage').then((m) => ({ default: m.CoveragePrintPage })),
);
export const NoticesPage = lazy(() =>
  import('../notices/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
export const NoticePrintPage = lazy(() =>
  import('../notices/NoticePrintPage').then((m) => ({ default: m.NoticePrintPage })),
);
export const StatisticsPage = lazy(() =>
  import('../statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);
export const StatisticsPrintPage = lazy(() =>
  import('../statistics/StatisticsPrintPage').then((m) => ({ default: m.StatisticsPrintPage })),
);
export const DataPage = lazy(() => import('../data/DataPage').then((m) => ({ default: m.DataPage })));
