import { useState } from 'react';
import { Alert, App, Button, Descriptions, Space, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { restoreBackup } from '../../db/backup-repo';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema';
import { isSameAsNow, type TableDifference } from '../../domain/backup-diff';
import { failureText, tableLabel, takeSafetyBackup } from './backup-actions';
import type { Inspected } from './BackupPanel';

/**
 * What a backup holds and how it differs from now, then the restore: a backup of the current state first (a
 * restore can itself be undone), then every table replaced in one transaction.
 */
export function RestorePreview(props: {
  inspected: Inspected;
  onDone: () => void;
  formatInstant: (iso: string) => string;
}) {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { backup, differences, source } = props.inspected;
  const { manifest } = backup;
  const shown = differences.filter((d) => d.table !== 'counters');

  const restore = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const safety = await takeSafetyBackup(ctx, platform, 'before-restore');
      if (!safety.ok) {
        setFailure(t('data.safetyFailed', { message: failureText(t, safety.message) }));
        return;
      }
      try {
        await restoreBackup(ctx, backup);
      } catch (error) {
        setFailure(t('data.restoreFailed', { message: failureText(t, String(error)) }));
        return;
      }
      void message.success(t('data.restored', { date: props.formatInstant(manifest.createdAt) }));
      void message.info(
        safety.where === 'folder'
          ? t('data.safetySaved', { file: safety.fileName })
          : t('data.safetyDownloaded'),
      );
      props.onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('data.backupHolds')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('data.backupHolds')}
        </Typography.Title>
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'file', label: t('data.file'), children: source },
            { key: 'at', label: t('data.madeAt'), children: props.formatInstant(manifest.createdAt) },
            { key: 'device', label: t('data.device'), children: manifest.deviceCode },
            {
              key: 'schema',
              label: t('data.schema'),
              children:
                manifest.schemaVersion < CURRENT_SCHEMA_VERSION
                  ? t('data.schemaOlder', { version: manifest.schemaVersion })
                  : manifest.schemaVersion,
            },
          ]}
        />
        <Typography.Text strong>{t('data.diffTitle')}</Typography.Text>
        <Table<TableDifference>
          size="small"
          rowKey="table"
          pagination={false}
          dataSource={shown}
          aria-label={t('data.diffTitle')}
          columns={[
            { title: t('data.colTable'), key: 'table', render: (_, d) => tableLabel(t, d.table) },
            { title: t('data.colNow'), dataIndex: 'now', align: 'right' },
            { title: t('data.colInBackup'), dataIndex: 'inBackup', align: 'right' },
            {
              title: t('data.colBack'),
              key: 'back',
              align: 'right',
              render: (_, d) => d.onlyInBackup + d.newerInBackup,
            },
            {
              title: t('data.colLost'),
              key: 'lost',
              align: 'right',
              render: (_, d) => {
                const lost = d.onlyNow + d.newerNow;
                return lost > 0 ? <Typography.Text type="danger">{lost}</Typography.Text> : 0;
              },
            },
          ]}
        />
        {isSameAsNow(shown) ? (
          <Alert type="success" showIcon message={t('data.sameAsNow')} />
        ) : (
          <Alert type="warning" showIcon message={t('data.restoreWarning')} />
        )}
        {failure && <Alert type="error" showIcon role="alert" message={failure} />}
        <Button danger type="primary" loading={busy} onClick={() => void restore()}>
          {t('data.restoreButton')}
        </Button>
      </Space>
    </section>
  );
}
