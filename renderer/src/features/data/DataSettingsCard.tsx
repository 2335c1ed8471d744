import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { getOperator, setOperator } from '../../db/audit-repo';
import type { StoragePersistence } from '../../platform/platform';
import { formatInstant, lastBackupAt } from './backup-actions';

/** In 设置: who works at this machine (named in the audit log), whether storage is persistent, the last backup. */
export function DataSettingsCard() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [persisted, setPersisted] = useState<StoragePersistence | undefined>();
  useEffect(() => {
    void getOperator(ctx.db).then((value) => setName(value ?? ''));
    void platform.requestPersistentStorage().then(setPersisted);
  }, [ctx, platform]);
  const last = lastBackupAt();

  const save = async () => {
    await setOperator(ctx, name);
    void message.success(t('dataSettings.operatorSaved'));
  };

  return (
    <Card title={t('dataSettings.title')}>
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item
          label={t('dataSettings.operator')}
          extra={t('dataSettings.operatorHint')}
          htmlFor="operator-name"
        >
          <Space.Compact>
            <Input
              id="operator-name"
              maxLength={20}
              style={{ width: 200 }}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <Button htmlType="submit">{t('common.save')}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Descriptions
        column={1}
        items={[
          {
            key: 'storage',
            label: t('dataSettings.storage'),
            children:
              persisted === undefined
                ? ''
                : t(
                    persisted === null
                      ? 'dataSettings.unknown'
                      : persisted
                        ? 'dataSettings.persisted'
                        : 'dataSettings.notPersisted',
                  ),
          },
          {
            key: 'last',
            label: t('dataSettings.lastBackup'),
            children: last ? formatInstant(last) : t('dataSettings.never'),
          },
        ]}
      />
    </Card>
  );
}
