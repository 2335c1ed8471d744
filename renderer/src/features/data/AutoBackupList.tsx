import { Card, Button, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import type { BackupFileInfo } from '../../platform/platform';
import { formatInstant } from './backup-actions';

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The automatic backups in the data folder (desktop app), newest first; each can be inspected and restored. */
export function AutoBackupList(props: { onInspect: (info: BackupFileInfo) => void }) {
  const { t } = useI18n();
  const { platform } = useServices();
  const [rows, setRows] = useState<BackupFileInfo[] | null>(null);
  useEffect(() => {
    void platform.autoBackups?.list().then(setRows);
  }, [platform]);
  return (
    <Card title={t('data.autoList')}>
      <Table<BackupFileInfo>
        size="small"
        rowKey="fileName"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('data.autoEmpty') }}
        columns={[
          { title: t('data.colTime'), key: 'at', render: (_, r) => formatInstant(r.at) },
          { title: t('data.colReason'), key: 'reason', render: (_, r) => t(`data.reason.${r.reason}`) },
          { title: t('data.colSize'), key: 'size', align: 'right', render: (_, r) => size(r.size) },
          {
            key: 'actions',
            render: (_, r) => (
              <Button size="small" onClick={() => props.onInspect(r)}>
                {t('data.inspect')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
