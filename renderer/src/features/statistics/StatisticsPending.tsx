import type { ReactNode } from 'react';
import { Alert, Progress, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { StatisticsProgress } from '../../db/statistics-progress';
import { useStatisticsProgress } from './use-statistics-progress';

function percentOf(progress: StatisticsProgress): number {
  return Math.floor((progress.done / progress.total) * 100);
}

/**
 * What a screen shows while it waits for the statistics rebuild (after a schema upgrade or a restore): the sessions
 * done of all, in words and as a bar, instead of a bare spinner for minutes. `banner` above a page's figures,
 * `inline` in a dashboard tile; `fallback` while there is nothing to tell. The screen fills in when its read ends.
 */
export function StatisticsPending(props: {
  waiting: boolean;
  variant?: 'banner' | 'inline';
  fallback?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const progress = useStatisticsProgress(props.waiting);
  if (!progress) return props.fallback ?? null;
  const number = new Intl.NumberFormat(locale);
  const counts = { done: number.format(progress.done), total: number.format(progress.total) };
  const bar = (
    <Progress
      percent={percentOf(progress)}
      size="small"
      aria-label={t('stats.rebuildingBar')}
      status="active"
    />
  );
  if (props.variant === 'inline')
    return (
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <span role="status">{t('stats.rebuildingShort', counts)}</span>
        {bar}
      </Space>
    );
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      message={t('stats.rebuilding')}
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text>{t('stats.rebuildingDone', counts)}</Typography.Text>
          {bar}
        </Space>
      }
    />
  );
}
