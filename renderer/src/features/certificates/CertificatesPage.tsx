import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { listCertificates } from '../../db/certificates-repo';
import type { Certificate } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ExportButton } from '../export/ExportButton';

export function CertificatesPage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const certificates = useLiveQuery(() => listCertificates(ctx), [ctx]);
  const [selected, setSelected] = useState<string[]>([]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.certificates')}
        </Typography.Title>
        <Space>
          <ExportButton<Certificate>
            name={t('nav.certificates')}
            rows={certificates ?? []}
            columns={[
              { title: t('certificates.number'), value: (c) => c.number, width: 24 },
              { title: t('people.name'), value: (c) => c.snapshot.personName },
              { title: t('people.idNumber'), value: (c) => c.snapshot.idNumberMasked, width: 22 },
              { title: t('sessions.course'), value: (c) => c.snapshot.courseName, width: 36 },
              { title: t('courses.hours'), value: (c) => c.snapshot.hours, width: 8 },
              { title: t('certificates.issuedOn'), value: (c) => c.snapshot.issuedOn, width: 12 },
              {
                title: t('sessions.status'),
                value: (c) => t(c.status === 'valid' ? 'certificates.valid' : 'certificates.voided'),
              },
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
        <Table<Certificate>
          rowKey="id"
          dataSource={certificates ?? []}
          loading={!certificates}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          locale={{ emptyText: <Empty description={t('certificates.empty')} /> }}
          columns={[
            {
              title: t('certificates.number'),
              dataIndex: 'number',
              render: (n: string) => <Typography.Text code>{n}</Typography.Text>,
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
              title: t('sessions.status'),
              dataIndex: 'status',
              render: (s: Certificate['status']) =>
                s === 'valid' ? (
                  <Tag color="success">{t('certificates.valid')}</Tag>
                ) : (
                  <Tag color="error">{t('certificates.voided')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
