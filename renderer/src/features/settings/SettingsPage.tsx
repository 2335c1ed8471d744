import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { getAppSettings, getDeviceSettings, saveAppSettings } from '../../db/settings-repo';
import { isValidCertificatePrefix } from '../../domain/certificate-number';
import type { AppInfo } from '../../platform/platform';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { TemplateSettingsSection } from '../certificates/TemplateSettingsSection';
import { HourRulesSection } from '../archive/HourRulesSection';
import { DataSettingsCard } from '../data/DataSettingsCard';
import { CoverageTargetsCard } from '../coverage/CoverageTargetsCard';
import { NoticeSettingsCard } from '../notices/NoticeSettingsCard';

interface Values {
  issuingBody: string;
  certificatePrefix: string;
  minutesPerClassHour: number;
  graceMinutes: number;
  minSharePercent: number;
}

export function SettingsPage() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const data = useLiveQuery(async () => {
    const [settings, device] = await Promise.all([getAppSettings(ctx.db), getDeviceSettings(ctx.db)]);
    return { settings, device };
  }, [ctx]);

  useEffect(() => {
    void platform.getAppInfo().then(setAppInfo);
  }, [platform]);

  const loaded = data !== undefined;
  useEffect(() => {
    if (!data) return;
    const s = data.settings;
    form.setFieldsValue({
      issuingBody: s.issuingBody,
      certificatePrefix: s.certificatePrefix,
      minutesPerClassHour: s.minutesPerClassHour,
      graceMinutes: s.attendanceRules.graceMinutes,
      minSharePercent: Math.round(s.attendanceRules.minShareForCredit * 100),
    });
    // Only when first loaded: later live updates must not overwrite what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, form]);

  const save = async (values: Values) => {
    await saveAppSettings(ctx, {
      issuingBody: values.issuingBody.trim(),
      certificatePrefix: values.certificatePrefix.trim().toUpperCase(),
      minutesPerClassHour: values.minutesPerClassHour,
      attendanceRules: { graceMinutes: values.graceMinutes, minShareForCredit: values.minSharePercent / 100 },
    });
    void message.success(t('settings.saved'));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.settings')}
      </Typography.Title>
      <Card title={t('settings.certificates')}>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="issuingBody"
            label={t('settings.issuingBody')}
            extra={t('settings.issuingBodyHint')}
            rules={[{ required: true, whitespace: true, message: t('settings.issuingBodyRequired') }]}
          >
            <Input maxLength={60} placeholder={t('settings.issuingBodyPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="certificatePrefix"
            label={t('settings.prefix')}
            extra={t('settings.prefixHint')}
            rules={[
              { required: true, message: t('settings.prefixInvalid') },
              {
                validator: (_, value: string | undefined) =>
                  !value || isValidCertificatePrefix(value.trim().toUpperCase())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('settings.prefixInvalid'))),
              },
            ]}
          >
            <Input maxLength={6} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="minutesPerClassHour"
            label={t('settings.minutesPerClassHour')}
            rules={[{ required: true, type: 'number', min: 30, max: 60 }]}
          >
            <InputNumber min={30} max={60} suffix={t('common.minutes')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="graceMinutes"
            label={t('settings.graceMinutes')}
            extra={t('settings.graceHint')}
            rules={[{ required: true, type: 'number', min: 0, max: 120 }]}
          >
            <InputNumber min={0} max={120} suffix={t('common.minutes')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="minSharePercent"
            label={t('settings.minShare')}
            extra={t('settings.minShareHint')}
            rules={[{ required: true, type: 'number', min: 10, max: 100 }]}
          >
            <InputNumber min={10} max={100} suffix="%" style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <TemplateSettingsSection />
      <HourRulesSection />
      <Card title={t('settings.thisMachine')}>
        <Descriptions
          column={1}
          items={[
            { label: t('settings.deviceCode'), children: data?.device?.deviceCode ?? '' },
            {
              label: t('settings.mode'),
              children: t(platform.kind === 'electron' ? 'settings.modeDesktop' : 'settings.modeBrowser'),
            },
            ...(appInfo
              ? [
                  { label: t('settings.version'), children: appInfo.version },
                  { label: t('settings.dataFolder'), children: appInfo.dataFolder },
                ]
              : []),
          ]}
        />
      </Card>
      <DataSettingsCard />
      <CoverageTargetsCard />
      <NoticeSettingsCard />
    </Space>
  );
}
