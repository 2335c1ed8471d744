import { useEffect } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useLiveQuery } from '../../db/live';
import { getAppSettings, saveAppSettings } from '../../db/settings-repo';
import { noticeSettings, type TrainingNoticeSettings } from '../../domain/training-notice';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';

type Values = Required<TrainingNoticeSettings>;

/** In 设置: what training notices print by default: the contact person and phone, and what to bring. */
export function NoticeSettingsCard() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stored = useLiveQuery(async () => (await getAppSettings(ctx.db)).trainingNotice ?? null, [ctx]);
  const loaded = stored !== undefined;
  useEffect(() => {
    if (stored === undefined) return;
    form.setFieldsValue(noticeSettings(stored ?? undefined));
    // Only when first loaded, so that a live update does not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, form]);

  const save = async (values: Values) => {
    await saveAppSettings(ctx, {
      trainingNotice: {
        contactName: values.contactName.trim(),
        contactPhone: values.contactPhone.trim(),
        bring: values.bring.trim(),
      },
    });
    void message.success(t('settings.saved'));
  };

  return (
    <Card title={t('trainingNotice.settingsTitle')}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="contactName" label={t('trainingNotice.contactName')}>
          <Input maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('trainingNotice.contactPhone')}>
          <Input maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="bring" label={t('trainingNotice.bring')} extra={t('trainingNotice.bringHint')}>
          <Input.TextArea rows={4} maxLength={600} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
