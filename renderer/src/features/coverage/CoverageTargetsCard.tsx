import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { getAppSettings, saveAppSettings } from '../../db/settings-repo';
import { normaliseTargets, type CoverageTargets } from '../../domain/coverage';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';

type Values = Record<keyof CoverageTargets, number | null | undefined>;

const FIELDS: Array<{ key: keyof CoverageTargets; label: MessageKey }> = [
  { key: 'all', label: 'coverage.cat.all' },
  { key: 'aboveDesignatedSize', label: 'coverage.cat.above-designated-size' },
  { key: 'hazardousChemicals', label: 'coverage.cat.hazardous-chemicals' },
  { key: 'eachTown', label: 'coverage.cat.eachTown' },
];

/** In 设置: the coverage targets (percent of enterprises covered per category); an empty field means no target. */
export function CoverageTargetsCard() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stored = useLiveQuery(async () => (await getAppSettings(ctx.db)).coverageTargets ?? null, [ctx]);
  const loaded = stored !== undefined;
  useEffect(() => {
    if (stored === undefined) return;
    form.setFieldsValue(normaliseTargets(stored ?? undefined));
    // Only when first loaded, so that a live update does not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, form]);

  const save = async (values: Values) => {
    const coverageTargets: CoverageTargets = {
      all: values.all ?? null,
      aboveDesignatedSize: values.aboveDesignatedSize ?? null,
      hazardousChemicals: values.hazardousChemicals ?? null,
      eachTown: values.eachTown ?? null,
    };
    await saveAppSettings(ctx, { coverageTargets });
    void message.success(t('settings.saved'));
  };

  return (
    <Card title={t('coverage.targetsTitle')}>
      <Typography.Paragraph type="secondary">{t('coverage.targetsHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" onFinish={(v) => void save(v)}>
        {FIELDS.map((f) => (
          <Form.Item key={f.key} name={f.key} label={t(f.label)} style={{ marginBottom: 12 }}>
            <InputNumber aria-label={t(f.label)} min={0} max={100} suffix="%" style={{ width: 110 }} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
