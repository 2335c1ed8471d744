import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { deleteEnterprise, listEnterpriseRows, type EnterpriseRow } from '../../db/enterprises-repo';
import type { Enterprise } from '../../db/records';
import { normalizeCodeInput } from '../../domain/code-input';
import { INDUSTRIES } from '../../domain/hour-rules';
import { useI18n } from '../../i18n/i18n';
import { EmptyState } from '../../ui/EmptyState';
import { useServices } from '../shell/app-context';
import { EnterpriseForm } from './EnterpriseForm';
import { IndustryName } from './IndustryTag';
import { INDUSTRY_LABEL } from './labels';
import { ExportButton } from '../export/ExportButton';
import { useSaveEnterprise } from './use-save-enterprise';

type SizeFilter = 'above' | 'below';

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** The register of enterprises: search by name or credit code, filters by town, industry and size. */
export function EnterprisesPage() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const save = useSaveEnterprise();
  const rows = useLiveQuery(() => listEnterpriseRows(ctx), [ctx]);
  const [text, setText] = useState('');
  const [town, setTown] = useState<string>();
  const [industry, setIndustry] = useState<string>();
  const [size, setSize] = useState<SizeFilter>();
  const [editing, setEditing] = useState<{ enterprise?: Enterprise } | null>(null);

  useEffect(() => {
    if (params.get('new') === '1') {
      setEditing({});
      setParams({}, { replace: true });
    }
  }, [params, setParams]);

  const towns = [
    ...new Set((rows ?? []).flatMap((r) => (r.enterprise.town ? [r.enterprise.town] : []))),
  ].sort(byName);
  const q = text.trim();
  const code = normalizeCodeInput(q);
  const shown = (rows ?? []).filter(({ enterprise: e }) => {
    if (q && !e.name.includes(q) && !(code && e.creditCode?.includes(code))) return false;
    if (town && e.town !== town) return false;
    if (industry && e.industry !== industry) return false;
    if (size && (e.aboveDesignatedSize ?? false) !== (size === 'above')) return false;
    return true;
  });
  shown.sort((a, b) => byName(a.enterprise.name, b.enterprise.name));
  const filtered = q !== '' || !!town || !!industry || !!size;

  const remove = async (enterprise: Enterprise) => {
    const result = await deleteEnterprise(ctx, enterprise.id);
    if (result === 'in-use') void message.warning(t('enterprises.inUse', { name: enterprise.name }));
    else void message.success(t('enterprises.deleted', { name: enterprise.name }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.enterprises')}
        </Typography.Title>
        <Space>
          <ExportButton<EnterpriseRow>
            name={t('nav.enterprises')}
            rows={shown}
            columns={[
              { title: t('enterprises.name'), value: (r) => r.enterprise.name, width: 36 },
              { title: t('enterprises.creditCode'), value: (r) => r.enterprise.creditCode, width: 22 },
              { title: t('enterprises.town'), value: (r) => r.enterprise.town },
              {
                title: t('enterprises.industry'),
                value: (r) =>
                  r.enterprise.industry
                    ? t(INDUSTRY_LABEL[r.enterprise.industry] ?? 'industry.other')
                    : undefined,
              },
              { title: t('enterprises.principal'), value: (r) => r.principal?.name },
              { title: t('enterprises.contactPhone'), value: (r) => r.enterprise.contactPhone, width: 14 },
            ]}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('enterprises.new')}
          </Button>
        </Space>
      </Space>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label={t('enterprises.search')}
            placeholder={t('enterprises.search')}
            style={{ width: 320 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Select
            aria-label={t('enterprises.town')}
            placeholder={t('enterprises.town')}
            allowClear
            style={{ width: 160 }}
            value={town}
            onChange={setTown}
            options={towns.map((value) => ({ value, label: value }))}
          />
          <Select
            aria-label={t('enterprises.industry')}
            placeholder={t('enterprises.industry')}
            allowClear
            style={{ width: 200 }}
            value={industry}
            onChange={setIndustry}
            options={INDUSTRIES.map((i) => ({ value: i.code, label: <IndustryName code={i.code} /> }))}
          />
          <Select<SizeFilter>
            aria-label={t('enterprises.size')}
            placeholder={t('enterprises.size')}
            allowClear
            style={{ width: 140 }}
            value={size}
            onChange={setSize}
            options={[
              { value: 'above', label: t('enterprises.aboveSize') },
              { value: 'below', label: t('enterprises.belowSize') },
            ]}
          />
        </Space>
        <Table<EnterpriseRow>
          rowKey={(r) => r.enterprise.id}
          size="middle"
          dataSource={shown}
          loading={!rows}
          onRow={(r) => ({ onDoubleClick: () => void navigate(`/enterprises/${r.enterprise.id}`) })}
          pagination={{
            pageSize: 50,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{
            emptyText: !rows ? (
              <span />
            ) : filtered ? (
              <EmptyState description={t('enterprises.noMatch')} />
            ) : (
              <EmptyState
                description={t('enterprises.empty')}
                action={{ label: t('enterprises.new'), onClick: () => setEditing({}) }}
              />
            ),
          }}
          columns={[
            {
              title: t('enterprises.name'),
              key: 'name',
              sorter: (a, b) => byName(a.enterprise.name, b.enterprise.name),
              render: (_, r) => <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link>,
            },
            {
              title: t('enterprises.creditCode'),
              key: 'creditCode',
              render: (_, r) =>
                r.enterprise.creditCode ? (
                  <Typography.Text style={{ fontFamily: 'monospace' }}>
                    {r.enterprise.creditCode}
                  </Typography.Text>
                ) : (
                  <Tag color="warning">{t('enterprises.noCreditCode')}</Tag>
                ),
            },
            {
              title: t('enterprises.town'),
              key: 'town',
              sorter: (a, b) => byName(a.enterprise.town ?? '', b.enterprise.town ?? ''),
              render: (_, r) => r.enterprise.town ?? '',
            },
            {
              title: t('enterprises.industry'),
              key: 'industry',
              sorter: (a, b) =>
                byName(
                  t(INDUSTRY_LABEL[a.enterprise.industry ?? ''] ?? 'industry.other'),
                  t(INDUSTRY_LABEL[b.enterprise.industry ?? ''] ?? 'industry.other'),
                ),
              render: (_, r) => (
                <IndustryName {...(r.enterprise.industry ? { code: r.enterprise.industry } : {})} />
              ),
            },
            {
              title: t('enterprises.size'),
              key: 'size',
              render: (_, r) =>
                r.enterprise.aboveDesignatedSize ? <Tag color="blue">{t('enterprises.aboveSize')}</Tag> : '',
            },
            {
              title: t('enterprises.principal'),
              key: 'principal',
              render: (_, r) =>
                r.principal ? <Link to={`/people/${r.principal.id}`}>{r.principal.name}</Link> : '',
            },
            {
              title: t('enterprises.peopleCount'),
              key: 'people',
              align: 'right',
              sorter: (a, b) => a.peopleCount - b.peopleCount,
              render: (_, r) => r.peopleCount,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 160,
              render: (_, r) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ enterprise: r.enterprise })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('enterprises.confirmDelete', { name: r.enterprise.name })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(r.enterprise)}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EnterpriseForm
        open={editing !== null}
        {...(editing?.enterprise ? { enterprise: editing.enterprise } : {})}
        towns={towns}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          if (await save(input, editing?.enterprise)) setEditing(null);
        }}
      />
    </Space>
  );
}
