import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CoveredManager, EnterpriseCoverageRow } from '../../db/coverage-repo';
import { useCoverageReport } from './use-coverage-report';
import { StatisticsPending } from '../statistics/StatisticsPending';
import type { CategoryCoverage } from '../../domain/coverage';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { ExportButton } from '../export/ExportButton';
import { IndustryName } from '../enterprises/IndustryTag';
import { INDUSTRY_LABEL } from '../enterprises/labels';
import { StatusTag } from '../archive/StatusTag';
import { STATUS_LABEL } from '../archive/labels';
import {
  categoryLabel,
  coverageSearch,
  percentText,
  readCoverageQuery,
  REASON_LABEL,
  reasonsText,
  uncoveredRows,
  type CoverageQuery,
} from './coverage-view';

/** The verdict against a target in words, icon and colour (never colour alone). */
export function TargetVerdict(props: { row: CategoryCoverage }) {
  const { t } = useI18n();
  const { met } = props.row;
  if (met === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return met ? (
    <Tag color="green" icon={<CheckCircleOutlined />}>
      {t('coverage.met')}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleOutlined />}>
      {t('coverage.notMet')}
    </Tag>
  );
}

/**
 * 覆盖率: the share of enterprises whose principal and safety officers all have current training, per category,
 * against the targets in 设置; and the enterprises not yet covered with the reasons, filtered, exported, printed.
 */
export function CoveragePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = readCoverageQuery(params);
  const today = localToday();
  const { report, failed } = useCoverageReport(today);

  const setQuery = (patch: Partial<CoverageQuery>) => {
    const next = { ...query, ...patch };
    if (!next.town) delete next.town;
    if (!next.category) delete next.category;
    setParams(coverageSearch(next), { replace: true });
  };

  const categories = report?.categories ?? [];
  const towns = categories.flatMap((c) => (c.category.kind === 'town' ? [c.category.town] : []));
  const uncovered = report ? uncoveredRows(report.rows, query) : [];
  const managersText = (list: CoveredManager[]) =>
    list.map((m) => `${m.person.name}（${t(STATUS_LABEL[m.status])}）`).join('、');
  const managersCell = (list: CoveredManager[], missing: string) =>
    list.length === 0 ? (
      <Typography.Text type="danger">{missing}</Typography.Text>
    ) : (
      <Space size={[4, 4]} wrap>
        {list.map((m) => (
          <span key={m.person.id} style={{ whiteSpace: 'nowrap' }}>
            <Link to={`/people/${m.person.id}`}>{m.person.name}</Link> <StatusTag status={m.status} />
          </span>
        ))}
      </Space>
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.coverage')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!report}
          onClick={() => void navigate(`/print/coverage?${coverageSearch(query)}`)}
        >
          {t('coverage.print')}
        </Button>
      </Space>
      {failed && <Alert type="error" showIcon message={t('coverage.failed')} />}
      <StatisticsPending waiting={!report && !failed} />
      <Alert
        type="info"
        showIcon
        message={t('coverage.definitionTitle')}
        description={t('coverage.definition')}
      />
      <Card
        title={t('coverage.byCategory')}
        extra={
          <Link to="/settings" style={{ whiteSpace: 'nowrap' }}>
            {t('coverage.editTargets')}
          </Link>
        }
      >
        <Table<CategoryCoverage>
          aria-label={t('coverage.categoryTable')}
          size="small"
          loading={!report}
          pagination={false}
          rowKey={(r) => (r.category.kind === 'town' ? `town:${r.category.town}` : r.category.kind)}
          dataSource={categories}
          columns={[
            {
              title: t('coverage.category'),
              key: 'category',
              render: (_, r) =>
                r.category.kind === 'town' ? (
                  <Typography.Text>
                    {t('coverage.townPrefix')}
                    {r.category.town}
                  </Typography.Text>
                ) : (
                  <Typography.Text strong>{categoryLabel(t, r.category)}</Typography.Text>
                ),
            },
            { title: t('coverage.enterprises'), key: 'n', align: 'right', render: (_, r) => r.enterprises },
            { title: t('coverage.covered'), key: 'c', align: 'right', render: (_, r) => r.covered },
            {
              title: t('coverage.share'),
              key: 'share',
              align: 'right',
              render: (_, r) => <span data-testid="coverage-share">{percentText(r.share)}</span>,
            },
            {
              title: t('coverage.target'),
              key: 'target',
              align: 'right',
              render: (_, r) => (r.target === null ? t('coverage.noTarget') : `${r.target}%`),
            },
            { title: t('coverage.verdict'), key: 'met', render: (_, r) => <TargetVerdict row={r} /> },
          ]}
        />
      </Card>
      <Card
        title={t('coverage.uncovered', { count: uncovered.length })}
        extra={
          <ExportButton<EnterpriseCoverageRow>
            name={t('coverage.exportName')}
            rows={uncovered}
            columns={[
              { title: t('enterprises.name'), value: (r) => r.enterprise.name, width: 30 },
              { title: t('enterprises.creditCode'), value: (r) => r.enterprise.creditCode, width: 22 },
              { title: t('enterprises.town'), value: (r) => r.enterprise.town },
              {
                title: t('enterprises.industry'),
                value: (r) =>
                  r.enterprise.industry ? t(INDUSTRY_LABEL[r.enterprise.industry] ?? 'industry.other') : '',
              },
              {
                title: t('coverage.aboveSize'),
                value: (r) => (r.enterprise.aboveDesignatedSize ? t('coverage.yes') : t('coverage.no')),
                width: 8,
              },
              { title: t('coverage.reasons'), value: (r) => reasonsText(t, r), width: 40 },
              { title: t('coverage.principals'), value: (r) => managersText(r.principals), width: 24 },
              { title: t('coverage.officers'), value: (r) => managersText(r.officers), width: 30 },
              { title: t('enterprises.contact'), value: (r) => r.enterprise.contactName },
              { title: t('enterprises.contactPhone'), value: (r) => r.enterprise.contactPhone, width: 14 },
            ]}
          />
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('enterprises.town')}
            placeholder={t('enterprises.town')}
            allowClear
            style={{ width: 160 }}
            value={query.town}
            onChange={(town?: string) => setQuery({ town })}
            options={towns.map((value) => ({ value, label: value }))}
          />
          <Select
            aria-label={t('coverage.category')}
            placeholder={t('coverage.category')}
            allowClear
            style={{ width: 220 }}
            value={query.category}
            onChange={(category?: CoverageQuery['category']) => setQuery({ category })}
            options={(['above-designated-size', 'hazardous-chemicals'] as const).map((value) => ({
              value,
              label: t(`coverage.cat.${value}`),
            }))}
          />
        </Space>
        <Table<EnterpriseCoverageRow>
          aria-label={t('coverage.uncoveredTable')}
          size="middle"
          loading={!report}
          rowKey={(r) => r.enterprise.id}
          dataSource={uncovered}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{ emptyText: t('coverage.allCovered') }}
          columns={[
            {
              title: t('enterprises.name'),
              key: 'name',
              render: (_, r) => <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link>,
            },
            { title: t('enterprises.town'), key: 'town', render: (_, r) => r.enterprise.town ?? '' },
            {
              title: t('enterprises.industry'),
              key: 'industry',
              render: (_, r) => <IndustryName code={r.enterprise.industry} />,
            },
            {
              title: t('coverage.reasons'),
              key: 'reasons',
              render: (_, r) => (
                <Space size={[4, 4]} wrap>
                  {r.reasons.map((reason) => (
                    <Tag key={reason} color="orange">
                      {t(REASON_LABEL[reason])}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('coverage.principals'),
              key: 'principals',
              render: (_, r) => managersCell(r.principals, t('coverage.noneOnRecord')),
            },
            {
              title: t('coverage.officers'),
              key: 'officers',
              render: (_, r) => managersCell(r.officers, t('coverage.noneOnRecord')),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
