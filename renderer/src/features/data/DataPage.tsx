import { Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { BackupPanel } from './BackupPanel';
import { SyncPanel } from './SyncPanel';
import { AuditLogView } from '../audit/AuditLogView';

const TABS = ['backup', 'sync', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** 数据与备份: backups and restore, moving data between computers by file, and the audit log. */
export function DataPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'backup';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.data')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'backup', label: t('data.tabBackup'), children: <BackupPanel /> },
          { key: 'sync', label: t('data.tabSync'), children: <SyncPanel /> },
          { key: 'audit', label: t('data.tabAudit'), children: <AuditLogView /> },
        ]}
      />
    </Space>
  );
}
