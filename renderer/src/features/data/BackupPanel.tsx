import { useState } from 'react';
import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { compareWithNow, readBackupFile } from '../../db/backup-repo';
import type { DecodedBackup } from '../../domain/backup-format';
import type { TableDifference } from '../../domain/backup-diff';
import type { BackupFileInfo } from '../../platform/platform';
import { failureText, fileBytes, formatInstant, refusalMessage, saveManualBackup } from './backup-actions';
import { RestorePreview } from './RestorePreview';
import { AutoBackupList } from './AutoBackupList';

export interface Inspected {
  source: string;
  backup: DecodedBackup;
  differences: TableDifference[];
}

/** 备份与恢复: a manual backup, the automatic ones (desktop), and a restore that shows what it would do first. */
export function BackupPanel() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  // Kept as words to be made, not made: a language switch rewords a refusal on screen.
  const [refused, setRefused] = useState<((t: Translate) => string) | null>(null);
  const [inspected, setInspected] = useState<Inspected | null>(null);

  const backUp = async () => {
    setSaving(true);
    try {
      const outcome = await saveManualBackup(ctx, platform);
      if (outcome.outcome === 'saved')
        void message.success(t('data.backupSaved', { file: outcome.filePath }));
      else if (outcome.outcome === 'downloaded') void message.success(t('data.backupDownloaded'));
      else if (outcome.outcome === 'failed')
        void message.error(t('data.backupFailed', { message: failureText(t, outcome.message) }));
    } catch (error) {
      void message.error(t('data.backupFailed', { message: failureText(t, String(error)) }));
    } finally {
      setSaving(false);
    }
  };

  const inspect = async (source: string, bytes: Uint8Array) => {
    setRefused(null);
    setInspected(null);
    const result = await readBackupFile(bytes);
    if (!result.ok) {
      setRefused(() => (tr: Translate) => refusalMessage(tr, result.problem, source));
      return;
    }
    setInspected({ source, backup: result.backup, differences: await compareWithNow(ctx, result.backup) });
  };

  const inspectAuto = async (info: BackupFileInfo) => {
    if (!platform.autoBackups) return;
    await inspect(info.fileName, await platform.autoBackups.read(info.fileName));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('data.backupTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('data.backupIntro')}</Typography.Paragraph>
          {platform.autoBackups ? (
            <Typography.Text type="secondary">{t('data.autoDesktop')}</Typography.Text>
          ) : (
            <Alert
              type="warning"
              showIcon
              message={t('data.autoBrowserTitle')}
              description={t('data.autoBrowser')}
            />
          )}
          <Button
            type="primary"
            icon={platform.autoBackups ? <SaveOutlined /> : <CloudDownloadOutlined />}
            loading={saving}
            onClick={() => void backUp()}
          >
            {t('data.backupNow')}
          </Button>
        </Space>
      </Card>
      {platform.autoBackups && <AutoBackupList onInspect={(info) => void inspectAuto(info)} />}
      <Card title={t('data.restoreTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('data.restoreIntro')}</Typography.Paragraph>
          <Upload
            accept=".stbak,.gz,.json"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void fileBytes(file).then((bytes) => inspect(file.name, bytes));
              return false;
            }}
          >
            <Button icon={<FolderOpenOutlined />}>{t('data.chooseBackup')}</Button>
          </Upload>
          {refused && <Alert type="error" showIcon role="alert" message={refused(t)} />}
          {inspected && (
            <RestorePreview
              inspected={inspected}
              onDone={() => setInspected(null)}
              formatInstant={formatInstant}
            />
          )}
        </Space>
      </Card>
    </Space>
  );
}
