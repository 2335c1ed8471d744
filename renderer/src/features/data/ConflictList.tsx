import { useState } from 'react';
import { App, Button, Card, Empty, List, Space, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useLiveQuery } from '../../db/live';
import { useServices } from '../shell/app-context';
import { conflictDetails, listConflicts, settleConflict, type SyncConflict } from '../../db/sync-repo';
import { tableLabel } from './backup-actions';
import { fieldLabel } from '../audit/field-labels';

interface Shown {
  conflict: SyncConflict;
  label: string;
  changes: Array<{ field: string; fieldName: string; mine: string; theirs: string }>;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A record's name for people: the name, a number or a title, else the short id. */
function recordLabel(record: Record<string, unknown> | undefined, id: string): string {
  const name = record?.name ?? record?.number ?? record?.title;
  return typeof name === 'string' && name ? name : id.slice(0, 8);
}

/** Records changed on both machines: the coordinator keeps this machine's version or takes the other's. */
export function ConflictList() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const shown = useLiveQuery(async (): Promise<Shown[]> => {
    const open = await listConflicts(ctx, { open: true });
    return Promise.all(
      open.map(async (conflict) => {
        const { mine, changes } = await conflictDetails(ctx, conflict);
        return {
          conflict,
          label: recordLabel(
            (mine ?? conflict.theirs) as unknown as Record<string, unknown>,
            conflict.recordId,
          ),
          changes: Object.entries(changes).map(([field, c]) => ({
            field,
            fieldName: fieldLabel(t, conflict.table, field),
            mine: show(c.before),
            theirs: show(c.after),
          })),
        };
      }),
    );
  }, [ctx, t]);

  const settle = async (c: SyncConflict, choice: 'mine' | 'theirs') => {
    setBusy(`${c.table}:${c.recordId}`);
    try {
      await settleConflict(ctx, c.table, c.recordId, choice);
      void message.success(t('sync.settled'));
    } finally {
      setBusy(null);
    }
  };

  const count = shown?.length ?? 0;
  return (
    <Card title={t('sync.conflicts', { count })}>
      {count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.noConflicts')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('sync.conflictIntro')}</Typography.Text>
          <List
            dataSource={shown ?? []}
            renderItem={(item) => {
              const key = `${item.conflict.table}:${item.conflict.recordId}`;
              return (
                <List.Item
                  aria-label={`${tableLabel(t, item.conflict.table)} ${item.label}`}
                  actions={[
                    <Button
                      key="mine"
                      loading={busy === key}
                      onClick={() => void settle(item.conflict, 'mine')}
                    >
                      {t('sync.keepMine')}
                    </Button>,
                    <Button
                      key="theirs"
                      type="primary"
                      loading={busy === key}
                      onClick={() => void settle(item.conflict, 'theirs')}
                    >
                      {t('sync.takeTheirs')}
                    </Button>,
                  ]}
                >
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Text strong>
                      {tableLabel(t, item.conflict.table)} · {item.label}
                    </Typography.Text>
                    <Table
                      size="small"
                      rowKey="field"
                      pagination={false}
                      dataSource={item.changes}
                      columns={[
                        { title: t('sync.colField'), dataIndex: 'fieldName' },
                        { title: t('sync.colMine'), dataIndex: 'mine' },
                        {
                          title: t('sync.colTheirs', { device: item.conflict.fromDeviceCode }),
                          dataIndex: 'theirs',
                        },
                      ]}
                    />
                  </Space>
                </List.Item>
              );
            }}
          />
        </Space>
      )}
    </Card>
  );
}
