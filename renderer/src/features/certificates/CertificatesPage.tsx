import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Dropdown,
  Empty,
  Input,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { MoreOutlined, PrinterOutlined, SafetyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { listCertificates } from '../../db/certificates-repo';
import type { Certificate } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ExportButton } from '../export/ExportButton';
import { CorrectCertificateDialog, type Correction } from './CorrectCertificateDialog';

type StatusFilter = 'all' | 'valid' | 'voided';

/** Number with or without hyphens and any case, or a fragment of the name. */
function matches(c: Certificate, query: string): boolean {
  const q = query.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!q) return true;
  return c.number.replaceAll('-', '').includes(q) || c.snapshot.personName.includes(query.trim());
}

export function CertificatesPage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const certificates = useLiveQuery(() => listCertificates(ctx), [ctx]);
  const [selected, setSelected] = useState<string[]>([]);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [query, setQuery] = useState('');
  const [correcting, setCorrecting] = useState<{ certificate: Certificate; action: Correction } | null>(null);

  const byId = useMemo(() => new Map((certificates ?? []).map((c) => [c.id, c])), [certificates]);
  const shown = useMemo(
    () => (certificates ?? []).filter((c) => (status === 'all' || c.status === status) && matches(c, query)),
    [certificates, status, query],
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.certificates')}
        </Typography.Title>
        <Space>
          <Button icon={<SafetyOutlined />} onClick={() => void navigate('/verify')}>
            {t('nav.verify')}
          </Button>
          <ExportButton<Certificate>
            name={t('nav.certificates')}
            rows={shown}
            columns={[
              { title: t('certificates.number'), value: (c) => c.number, width: 24 },
              { title: t('people.name'), value: (c) => c.snapshot.personName },
              { title: t('people.idNumber'), value: (c) => c.snapshot.idNumberMasked, width: 22 },
              { title: t('sessions.course'), value: (c) => c.snapshot.courseName, width: 36 },
              { title: t('courses.hours'), value: (c) => c.snapshot.hours, width: 8 },
              { title: t('certificates.issuedOn'), value: (c) => c.snapshot.issuedOn, width: 12 },
              { title: t('certList.validUntil'), value: (c) => c.snapshot.validUntil ?? '', width: 12 },
              {
                title: t('sessions.status'),
                value: (c) => t(c.status === 'valid' ? 'certificates.valid' : 'certificates.voided'),
              },
              { title: t('certList.reason'), value: (c) => c.voidReason ?? '', width: 30 },
            ]}
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={selected.length === 0}
            onClick={() => void navigate(`/print/certificates?ids=${selected.join(',')}`)}
          >
            {t('certificates.printSelected', { count: selected.length })}
          </Button>
        </Space>
      </Space>
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            aria-label={t('certList.search')}
            placeholder={t('certList.search')}
            style={{ width: 320 }}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Segmented<StatusFilter>
            aria-label={t('certList.statusFilter')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('certList.all') },
              { value: 'valid', label: t('certificates.valid') },
              { value: 'voided', label: t('certificates.voided') },
            ]}
          />
        </Space>
        <Table<Certificate>
          rowKey="id"
          dataSource={shown}
          loading={!certificates}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          locale={{ emptyText: <Empty description={t('certificates.empty')} /> }}
          columns={[
            {
              title: t('certificates.number'),
              dataIndex: 'number',
              render: (n: string) => (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {n}
                </Typography.Text>
              ),
              sorter: (a, b) => a.number.localeCompare(b.number),
            },
            { title: t('people.name'), key: 'name', render: (_, c) => c.snapshot.personName },
            { title: t('sessions.course'), key: 'course', render: (_, c) => c.snapshot.courseName },
            { title: t('courses.hours'), key: 'hours', render: (_, c) => formatHours(c.snapshot.hours) },
            {
              title: t('certificates.issuedOn'),
              key: 'issued',
              render: (_, c) => formatDate(c.snapshot.issuedOn, locale),
              sorter: (a, b) => a.issuedAt.localeCompare(b.issuedAt),
            },
            {
              title: t('certList.validUntil'),
              key: 'validUntil',
              render: (_, c) => (c.snapshot.validUntil ? formatDate(c.snapshot.validUntil, locale) : ''),
            },
            {
              title: t('sessions.status'),
              key: 'status',
              render: (_, c) => {
                if (c.status === 'valid') {
                  const replaced = c.replacesId ? byId.get(c.replacesId) : undefined;
                  return (
                    <Space direction="vertical" size={0}>
                      <Tag color="success">{t('certificates.valid')}</Tag>
                      {replaced && (
                        <Typography.Text type="secondary">
                          {t('certList.replaces', { number: replaced.number })}
                        </Typography.Text>
                      )}
                    </Space>
                  );
                }
                const replacement = c.replacedById ? byId.get(c.replacedById) : undefined;
                return (
                  <Space direction="vertical" size={0}>
                    <Tooltip title={c.voidedAt ? formatDate(c.voidedAt.slice(0, 10), locale) : ''}>
                      <Tag color="error">{t('certificates.voided')}</Tag>
                    </Tooltip>
                    <Typography.Text type="secondary">
                      {t('certList.reasonShown', { reason: c.voidReason ?? '' })}
                    </Typography.Text>
                    {replacement && (
                      <Typography.Link onClick={() => setQuery(replacement.number)}>
                        {t('certList.replacedBy', { number: replacement.number })}
                      </Typography.Link>
                    )}
                  </Space>
                );
              },
            },
            {
              title: t('certList.actions'),
              key: 'actions',
              render: (_, c) =>
                c.status === 'valid' ? (
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'reissue', label: t('certList.reissue') },
                        { key: 'void', label: t('certList.void'), danger: true },
                      ],
                      onClick: ({ key }) => setCorrecting({ certificate: c, action: key as Correction }),
                    }}
                  >
                    <Button
                      size="small"
                      icon={<MoreOutlined />}
                      aria-label={t('certList.actionsFor', { number: c.number })}
                    />
                  </Dropdown>
                ) : null,
            },
          ]}
        />
      </Card>
      <CorrectCertificateDialog
        certificate={correcting?.certificate ?? null}
        action={correcting?.action ?? 'void'}
        onClose={() => setCorrecting(null)}
      />
    </Space>
  );
}
