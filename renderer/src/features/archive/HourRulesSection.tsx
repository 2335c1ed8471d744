import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useLiveQuery } from '../../db/live';
import { getAppSettings, saveAppSettings } from '../../db/settings-repo';
import { DEFAULT_HOUR_RULES } from '../../domain/hour-rules';
import { hourTable, rulesFromTable, type HourTableCell } from '../../domain/hour-table';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { AUDIENCE_LABEL, KIND_LABEL } from '../courses/labels';

const cellKey = (c: Pick<HourTableCell, 'audience' | 'kind' | 'highRisk'>) =>
  `${c.audience}|${c.kind}|${c.highRisk ? 'high' : 'normal'}`;

/**
 * 法定学时要求 in settings: the statutory hour table the ledgers, reminders and course hints use, with its legal
 * basis, editable (a cleared cell means no minimum), and a reset to the statutory defaults.
 */
export function HourRulesSection() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const stored = useLiveQuery(async () => (await getAppSettings(ctx.db)).hourRules, [ctx]);
  const [cells, setCells] = useState<HourTableCell[] | null>(null);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (stored && !dirty) setCells(hourTable(stored));
  }, [stored, dirty]);

  if (!cells) return null;

  const edit = (cell: HourTableCell, minHours: number | null) => {
    setCells(cells.map((c) => (cellKey(c) === cellKey(cell) ? { ...c, minHours } : c)));
    setDirty(true);
  };
  const save = async () => {
    await saveAppSettings(ctx, { hourRules: rulesFromTable(cells) });
    setDirty(false);
    void message.success(t('hourRules.saved'));
  };
  const reset = async () => {
    await saveAppSettings(ctx, { hourRules: DEFAULT_HOUR_RULES.map((r) => ({ ...r })) });
    setDirty(false);
    setCells(hourTable(DEFAULT_HOUR_RULES));
    void message.success(t('hourRules.resetDone'));
  };

  return (
    <Card
      title={t('hourRules.title')}
      extra={
        <Space>
          <Popconfirm
            title={t('hourRules.resetConfirm')}
            okText={t('hourRules.reset')}
            cancelText={t('common.cancel')}
            onConfirm={reset}
          >
            <Button icon={<UndoOutlined />}>{t('hourRules.reset')}</Button>
          </Popconfirm>
          <Button type="primary" disabled={!dirty} onClick={() => void save()}>
            {t('hourRules.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('hourRules.intro')}</Typography.Paragraph>
      <Table<HourTableCell>
        rowKey={cellKey}
        size="small"
        pagination={false}
        dataSource={cells}
        columns={[
          {
            title: t('courses.audience'),
            key: 'audience',
            render: (_, c) => t(AUDIENCE_LABEL[c.audience]),
            onCell: (_, index = 0) => ({ rowSpan: index % 4 === 0 ? 4 : 0 }),
          },
          {
            title: t('courses.kind'),
            key: 'kind',
            render: (_, c) => t(KIND_LABEL[c.kind]),
            onCell: (_, index = 0) => ({ rowSpan: index % 2 === 0 ? 2 : 0 }),
          },
          {
            title: t('hourRules.industry'),
            key: 'risk',
            render: (_, c) =>
              c.highRisk ? <Tag color="red">{t('hourRules.highRisk')}</Tag> : t('hourRules.otherIndustries'),
          },
          {
            title: t('hourRules.minHours'),
            key: 'min',
            render: (_, c) => {
              const label = t('hourRules.cellLabel', {
                audience: t(AUDIENCE_LABEL[c.audience]),
                kind: t(KIND_LABEL[c.kind]),
                risk: c.highRisk ? t('hourRules.highRisk') : t('hourRules.otherIndustries'),
              });
              return (
                <Space size={6}>
                  <InputNumber
                    aria-label={label}
                    min={0}
                    max={500}
                    step={1}
                    style={{ width: 120 }}
                    placeholder={t('hourRules.none')}
                    suffix={t('common.classHours')}
                    value={c.minHours}
                    onChange={(value) => edit(c, value ?? null)}
                  />
                  {c.minHours !== c.statutory && (
                    <Tag color="orange">
                      {c.statutory === null
                        ? t('hourRules.statutoryNone')
                        : t('hourRules.statutory', { hours: c.statutory })}
                    </Tag>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('hourRules.basis'),
            key: 'basis',
            render: (_, c) => <Typography.Text type="secondary">{c.basis}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
