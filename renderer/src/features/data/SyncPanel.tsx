import { useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Table, Typography, Upload } from 'antd';
import { ExportOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useLiveQuery } from '../../db/live';
import { useServices } from '../shell/app-context';
import {
  buildSyncPackage,
  getSyncState,
  listPeers,
  markExported,
  mergeSyncPackage,
  OwnPackageError,
  readSyncPackage,
  type PeerState,
  type SyncImportSummary,
  type TableMergeSummary,
} from '../../db/sync-repo';
import type { DecodedBackup } from '../../domain/backup-format';
import {
  failureText,
  fileBytes,
  fileStamp,
  formatInstant,
  refusalMessage,
  tableLabel,
  takeSafetyBackup,
} from './backup-actions';
import { ConflictList } from './ConflictList';

interface Planned {
  pkg: DecodedBackup;
  summary: SyncImportSummary;
}

/** 与其他电脑交换数据: export a package, import one with a preview, the machines met, the conflicts to settle. */
export function SyncPanel() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'changes' | 'all'>('changes');
  const [exporting, setExporting] = useState(false);
  // Kept as words to be made, not made: a language switch rewords a refusal on screen.
  const [refused, setRefused] = useState<((t: Translate) => string) | null>(null);
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [merging, setMerging] = useState(false);
  const state = useLiveQuery(() => getSyncState(ctx), [ctx]);
  const peers = useLiveQuery(() => listPeers(ctx), [ctx]) ?? [];
  const lastExportAt = state?.lastExportAt;

  const exportPackage = async () => {
    setExporting(true);
    try {
      const everything = scope === 'all' || !lastExportAt;
      const { bytes, manifest } = await buildSyncPackage(ctx, { everything });
      const outcome = await platform.saveBackupFile(
        `安训数据包-${manifest.deviceCode}-${fileStamp(ctx.now())}`,
        'stsync',
        bytes,
      );
      if (outcome.outcome === 'saved' || outcome.outcome === 'downloaded') {
        await markExported(ctx, manifest.createdAt);
        void message.success(
          outcome.outcome === 'saved'
            ? t('sync.exported', { file: outcome.filePath })
            : t('sync.exportDownloaded'),
        );
      } else if (outcome.outcome === 'failed') {
        void message.error(t('sync.exportFailed', { message: failureText(t, outcome.message) }));
      }
    } finally {
      setExporting(false);
    }
  };

  const choose = async (fileName: string, bytes: Uint8Array) => {
    setRefused(null);
    setPlanned(null);
    const result = await readSyncPackage(bytes);
    if (!result.ok) {
      setRefused(() => (tr: Translate) => refusalMessage(tr, result.problem, fileName));
      return;
    }
    try {
      setPlanned({
        pkg: result.backup,
        summary: await mergeSyncPackage(ctx, result.backup, { dryRun: true }),
      });
    } catch (error) {
      if (error instanceof OwnPackageError)
        setRefused(() => (tr: Translate) => tr('sync.ownPackage', { file: fileName }));
      else throw error;
    }
  };

  const merge = async () => {
    if (!planned) return;
    setMerging(true);
    try {
      // The desktop app keeps a backup from before every import; a browser has no folder to keep it in.
      const safety = platform.autoBackups ? await takeSafetyBackup(ctx, platform, 'before-import') : null;
      if (safety && !safety.ok) {
        setRefused(
          () => (tr: Translate) => tr('data.safetyFailed', { message: failureText(tr, safety.message) }),
        );
        return;
      }
      const summary = await mergeSyncPackage(ctx, planned.pkg);
      const sum = (key: 'inserted' | 'updated') => summary.tables.reduce((n, s) => n + s[key], 0);
      void message.success(
        t('sync.merged', {
          inserted: sum('inserted'),
          updated: sum('updated'),
          conflicts: summary.conflicts,
        }),
      );
      setPlanned(null);
    } catch (error) {
      setRefused(
        () => (tr: Translate) => tr('sync.mergeFailed', { message: failureText(tr, String(error)) }),
      );
    } finally {
      setMerging(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('sync.exportTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('sync.exportIntro')}</Typography.Paragraph>
          {lastExportAt ? (
            <Radio.Group
              value={scope}
              onChange={(e) => setScope(e.target.value as 'changes' | 'all')}
              options={[
                { value: 'changes', label: t('sync.scopeChanges', { date: formatInstant(lastExportAt) }) },
                { value: 'all', label: t('sync.scopeAll') },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{t('sync.neverExported')}</Typography.Text>
          )}
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={exporting}
            onClick={() => void exportPackage()}
          >
            {t('sync.exportButton')}
          </Button>
        </Space>
      </Card>
      <Card title={t('sync.importTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('sync.importIntro')}</Typography.Paragraph>
          <Upload
            accept=".stsync"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void fileBytes(file).then((bytes) => choose(file.name, bytes));
              return false;
            }}
          >
            <Button icon={<FolderOpenOutlined />}>{t('sync.choosePackage')}</Button>
          </Upload>
          {refused && <Alert type="error" showIcon role="alert" message={refused(t)} />}
          {planned && (
            <section aria-label={t('sync.importTitle')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>
                  {t('sync.from', {
                    device: planned.summary.fromDeviceCode,
                    date: formatInstant(planned.pkg.manifest.createdAt),
                  })}
                </Typography.Text>
                <MergeTable rows={planned.summary.tables} />
                {planned.summary.nothingNew ? (
                  <Alert type="info" showIcon message={t('sync.nothingNew')} />
                ) : (
                  <Button type="primary" loading={merging} onClick={() => void merge()}>
                    {t('sync.mergeButton')}
                  </Button>
                )}
              </Space>
            </section>
          )}
        </Space>
      </Card>
      <ConflictList />
      {peers.length > 0 && (
        <Card title={t('sync.peers')}>
          <Table<PeerState>
            size="small"
            rowKey="deviceId"
            pagination={false}
            dataSource={peers}
            columns={[
              { title: t('sync.colDevice'), dataIndex: 'deviceCode' },
              { title: t('sync.colLastPackage'), key: 'p', render: (_, p) => formatInstant(p.lastPackageAt) },
              { title: t('sync.colLastImport'), key: 'i', render: (_, p) => formatInstant(p.lastImportAt) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function MergeTable(props: { rows: TableMergeSummary[] }) {
  const { t } = useI18n();
  const rows = props.rows.filter((r) => r.inserted + r.updated + r.unchanged + r.older + r.conflicts > 0);
  return (
    <Table<TableMergeSummary>
      size="small"
      rowKey="table"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('data.colTable'), key: 'table', render: (_, r) => tableLabel(t, r.table) },
        { title: t('sync.colNew'), dataIndex: 'inserted', align: 'right' },
        { title: t('sync.colUpdated'), dataIndex: 'updated', align: 'right' },
        { title: t('sync.colUnchanged'), dataIndex: 'unchanged', align: 'right' },
        { title: t('sync.colOlder'), dataIndex: 'older', align: 'right' },
        {
          title: t('sync.colConflicts'),
          key: 'conflicts',
          align: 'right',
          render: (_, r) =>
            r.conflicts > 0 ? <Typography.Text type="warning">{r.conflicts}</Typography.Text> : 0,
        },
      ]}
    />
  );
}
