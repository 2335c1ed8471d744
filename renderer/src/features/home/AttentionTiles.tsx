import { useEffect, useState, type ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { AlertOutlined, CloudDownloadOutlined, FieldTimeOutlined, TeamOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { homeReminderCounts, homeTraining } from '../../db/home-repo';
import { daysBetween } from '../../domain/hour-ledger';
import { useI18n } from '../../i18n/i18n';
import { toLocalIsoDate } from '../../domain/calendar';
import { useServices } from '../shell/app-context';
import { formatInstant, lastBackupAt } from '../data/backup-actions';
import { DEFAULT_WITHIN_DAYS } from '../reminders/reminder-filter';
import { StatisticsPending } from '../statistics/StatisticsPending';

/** A backup older than this many days is shown as a warning. */
const BACKUP_STALE_DAYS = 7;

/**
 * Above this many people the home screen does not count reminders itself: the count reads every manager's and
 * high-risk worker's attendance one person at a time (seconds to minutes at 100,000 people, measured by the
 * benchmark's coverage figure), which would hold IndexedDB while the coordinator starts work. The tiles then link
 * to the reminders page, which counts on request.
 */
export const HOME_REMINDER_COUNT_MAX_PEOPLE = 20_000;

/**
 * Whether the first screen has painted: the tiles below read every manager's attendance and the statistics, so
 * they start only once the home screen's own figures are on screen (the cold start waits for those alone).
 */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return ready;
}

function Tile(props: {
  title: string;
  value: ReactNode;
  loading: boolean;
  note: ReactNode;
  danger?: boolean;
  icon: ReactNode;
  to: string;
  label: string;
}) {
  const navigate = useNavigate();
  return (
    <Card
      hoverable
      size="small"
      role="link"
      aria-label={props.label}
      tabIndex={0}
      onClick={() => void navigate(props.to)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void navigate(props.to);
      }}
      style={{ height: '100%' }}
    >
      <Statistic
        title={props.title}
        value={typeof props.value === 'number' ? props.value : undefined}
        formatter={typeof props.value === 'number' ? undefined : () => props.value}
        loading={props.loading}
        prefix={props.icon}
        valueStyle={props.danger ? { color: '#cf1322' } : undefined}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {props.note}
      </Typography.Text>
    </Card>
  );
}

/**
 * People trained this month and this year. Not a live query: the statistics bring their aggregate up to date
 * first (a write), which a live query may not do; the figures are read once each time the home screen opens.
 */
function useTraining(ready: boolean, today: string): Awaited<ReturnType<typeof homeTraining>> | undefined {
  const { ctx } = useServices();
  const [value, setValue] = useState<Awaited<ReturnType<typeof homeTraining>>>();
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void homeTraining(ctx, today)
      .then((result) => {
        if (!cancelled) setValue(result);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [ctx, today, ready]);
  return value;
}

/** The last backup this machine knows of: the newest automatic one (desktop) or the last saved/downloaded one. */
function useLastBackup(): { at: string | null; auto: boolean } | undefined {
  const { platform } = useServices();
  const [value, setValue] = useState<{ at: string | null; auto: boolean }>();
  useEffect(() => {
    let cancelled = false;
    const manual = lastBackupAt();
    const auto = platform.autoBackups;
    if (!auto) {
      setValue({ at: manual, auto: false });
      return;
    }
    void auto
      .list()
      .then((list) => {
        const newest =
          [manual, list[0]?.at]
            .filter((x): x is string => !!x)
            .sort()
            .at(-1) ?? null;
        if (!cancelled) setValue({ at: newest, auto: true });
      })
      .catch(() => {
        if (!cancelled) setValue({ at: manual, auto: true });
      });
    return () => {
      cancelled = true;
    };
  }, [platform]);
  return value;
}

/**
 * What needs doing, each tile linking to its page: people trained this month and year, refreshers overdue,
 * certificates running out, the last backup.
 */
export function AttentionTiles(props: { today: string; people: number }) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { today } = props;
  const ready = useAfterFirstPaint();
  const countHere = props.people <= HOME_REMINDER_COUNT_MAX_PEOPLE;
  const training = useTraining(ready, today);
  const counts = useLiveQuery(
    () => (ready && countHere ? homeReminderCounts(ctx, today, DEFAULT_WITHIN_DAYS) : undefined),
    [ctx, today, ready, countHere],
  );
  const reminderValue = (n: number | undefined) => (countHere ? (n ?? 0) : '—');
  const backup = useLastBackup();
  const backupAge = backup?.at ? daysBetween(toLocalIsoDate(new Date(backup.at)), today) : null;
  const backupStale = backup !== undefined && (backupAge === null || backupAge > BACKUP_STALE_DAYS);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} xl={6}>
        <Tile
          to="/statistics"
          label={t('dashboard.trainedLink')}
          icon={<TeamOutlined />}
          title={t('dashboard.trainedMonth')}
          value={training?.month.people ?? 0}
          loading={!training}
          note={
            training ? (
              t('dashboard.trainedYear', { count: training.year.people })
            ) : (
              <StatisticsPending waiting={ready} variant="inline" fallback={t('dashboard.counting')} />
            )
          }
        />
      </Col>
      <Col xs={12} xl={6}>
        <Tile
          to="/reminders"
          label={t('dashboard.overdueLink')}
          icon={<AlertOutlined />}
          title={t('dashboard.overdue')}
          value={reminderValue(counts?.overdue)}
          danger={(counts?.overdue ?? 0) > 0}
          loading={countHere && !counts}
          note={
            !countHere
              ? t('dashboard.countOnPage')
              : counts
                ? t('dashboard.dueSoon', { count: counts.dueOrNeverTrained, days: DEFAULT_WITHIN_DAYS })
                : t('dashboard.counting')
          }
        />
      </Col>
      <Col xs={12} xl={6}>
        <Tile
          to="/reminders"
          label={t('dashboard.expiringLink')}
          icon={<FieldTimeOutlined />}
          title={t('dashboard.expiring')}
          value={reminderValue(counts?.expiring)}
          danger={(counts?.expiring ?? 0) > 0}
          loading={countHere && !counts}
          note={
            countHere
              ? t('dashboard.expiringNote', { days: DEFAULT_WITHIN_DAYS })
              : t('dashboard.countOnPage')
          }
        />
      </Col>
      <Col xs={12} xl={6}>
        <Tile
          to="/data"
          label={t('dashboard.backupLink')}
          icon={<CloudDownloadOutlined />}
          title={t('dashboard.lastBackup')}
          value={
            <span style={{ fontSize: 20, color: backupStale ? '#cf1322' : undefined }}>
              {backup?.at ? formatInstant(backup.at) : t('dashboard.noBackup')}
            </span>
          }
          loading={backup === undefined}
          note={
            backup?.auto
              ? t('dashboard.backupAuto')
              : backupStale
                ? t('dashboard.backupBrowserStale')
                : t('dashboard.backupBrowser')
          }
        />
      </Col>
    </Row>
  );
}
