import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import { PrinterOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import type { BreakdownDimension, BreakdownRow, Period } from '../../domain/statistics';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { EChart, type EChartOption } from '../../ui/EChart';
import { ExportButton } from '../export/ExportButton';
import { periodFromQuery, presetPeriod, type PeriodPreset } from './period';
import {
  chartRows,
  DIMENSION_COLUMN,
  DIMENSION_TITLE,
  DIMENSIONS,
  exportColumns,
  exportLines,
  FIGURES,
  hoursText,
  rateText,
  rowLabel,
  type StatisticsNames,
} from './statistics-view';
import { useStatistics } from './use-statistics';
import { StatisticsPending } from './StatisticsPending';

const PRESETS: PeriodPreset[] = ['month', 'quarter', 'year', 'lastYear', 'custom'];

/**
 * 统计报表: the figures of any period (presets or a custom range, kept in the URL), the breakdowns as tables with a
 * chart beside each, export to .xlsx and the printable report.
 */
export function StatisticsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const preset = (PRESETS as string[]).includes(params.get('preset') ?? '')
    ? (params.get('preset') as PeriodPreset)
    : 'year';
  const period: Period =
    preset === 'custom'
      ? (periodFromQuery(params) ?? presetPeriod('month', today))
      : presetPeriod(preset, today);
  const { data, error } = useStatistics(period);
  const [tab, setTab] = useState<BreakdownDimension>('audience');

  const choose = (next: PeriodPreset, range?: Period) => {
    const p = range ?? presetPeriod(next, today, period);
    setParams(next === 'custom' ? { preset: next, from: p.from, to: p.to } : { preset: next }, {
      replace: true,
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.statistics')}
        </Typography.Title>
        <Space wrap>
          {data && (
            <ExportButton
              name={t('stats.exportName')}
              rows={exportLines(t, locale, data.names, data.report)}
              columns={exportColumns(t)}
            />
          )}
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!data}
            onClick={() => void navigate(`/print/statistics?from=${period.from}&to=${period.to}`)}
          >
            {t('stats.print')}
          </Button>
        </Space>
      </Space>
      <Space wrap>
        <Typography.Text id="stats-period-label">{t('stats.period')}</Typography.Text>
        <Segmented<PeriodPreset>
          aria-labelledby="stats-period-label"
          value={preset}
          onChange={(value) => choose(value)}
          options={PRESETS.map((p) => ({ value: p, label: t(`stats.preset.${p}`) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('stats.range')}
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to)
              choose('custom', { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
      </Space>
      {error && <Alert type="error" showIcon message={t('stats.failed')} />}
      <StatisticsPending waiting={!data && !error} />
      <Card>
        <Row gutter={16}>
          {FIGURES.map((f) => (
            <Col key={f.key} flex="1 1 0" role="group" aria-label={t(f.label)}>
              <Statistic
                loading={!data}
                title={
                  <Space size={4}>
                    {t(f.label)}
                    <Tooltip title={t(f.help)}>
                      <QuestionCircleOutlined aria-label={t('stats.definitionOf', { name: t(f.label) })} />
                    </Tooltip>
                  </Space>
                }
                value={
                  data
                    ? f.key === 'attendanceRate'
                      ? rateText(data.report.summary.attendanceRate)
                      : f.key === 'personHours'
                        ? hoursText(data.report.summary.personHours)
                        : (data.report.summary[f.key] ?? 0)
                    : 0
                }
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as BreakdownDimension)}
          items={DIMENSIONS.map((dimension) => ({
            key: dimension,
            label: t(DIMENSION_TITLE[dimension]),
            children: (
              <Breakdown
                dimension={dimension}
                rows={data?.report.breakdowns[dimension] ?? null}
                names={data?.names ?? { courses: new Map(), enterprises: new Map() }}
              />
            ),
          }))}
        />
      </Card>
      <Alert
        type="info"
        showIcon
        message={t('stats.definitionsTitle')}
        description={t('stats.definitions')}
      />
    </Space>
  );
}

function Breakdown(props: {
  dimension: BreakdownDimension;
  rows: BreakdownRow[] | null;
  names: StatisticsNames;
}) {
  const { t, locale } = useI18n();
  const { dimension, rows, names } = props;
  const label = (key: string) => rowLabel(t, locale, names, dimension, key);
  const option = useMemo((): EChartOption => {
    const shown = chartRows(rows ?? []).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: shown.map((r) => label(r.key)),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          name: t('stats.personTimes'),
          type: 'bar',
          data: shown.map((r) => r.personTimes),
          color: '#1f5fa8',
        },
        { name: t('stats.people'), type: 'bar', data: shown.map((r) => r.people), color: '#52a35a' },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label depends on t, locale and names, all listed
  }, [rows, t, locale, names, dimension]);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        {dimension === 'province' || dimension === 'site' ? (
          <Typography.Paragraph type="secondary">{t('stats.workersOnly')}</Typography.Paragraph>
        ) : null}
        <Table<BreakdownRow>
          aria-label={t(DIMENSION_TITLE[dimension])}
          size="small"
          loading={!rows}
          rowKey="key"
          dataSource={rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('stats.noData') }}
          columns={[
            { title: t(DIMENSION_COLUMN[dimension]), dataIndex: 'key', render: (key: string) => label(key) },
            {
              title: t('stats.sessions'),
              dataIndex: 'sessions',
              align: 'right',
              sorter: (a, b) => a.sessions - b.sessions,
            },
            {
              title: t('stats.people'),
              dataIndex: 'people',
              align: 'right',
              sorter: (a, b) => a.people - b.people,
            },
            {
              title: t('stats.personTimes'),
              dataIndex: 'personTimes',
              align: 'right',
              sorter: (a, b) => a.personTimes - b.personTimes,
            },
            {
              title: t('stats.personHours'),
              dataIndex: 'personHours',
              align: 'right',
              render: (h: number) => hoursText(h),
              sorter: (a, b) => a.personHours - b.personHours,
            },
            {
              title: t('stats.attendanceRate'),
              dataIndex: 'attendanceRate',
              align: 'right',
              render: (r: number | null) => rateText(r),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={10}>
        <EChart
          option={option}
          height={360}
          label={t('stats.chart', { name: t(DIMENSION_TITLE[dimension]) })}
        />
      </Col>
    </Row>
  );
}
