import { Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { listEnterprises } from '../../db/people-repo';
import { reminders, type CertificateReminder, type PersonReminder } from '../../db/reminders-repo';
import { INDUSTRIES } from '../../domain/hour-rules';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ExportButton } from '../export/ExportButton';
import { ROLE_LABEL } from '../people/labels';
import { INDUSTRY_LABEL } from '../enterprises/labels';
import { IndustryName } from '../enterprises/IndustryTag';
import { STATUS_LABEL } from '../archive/labels';
import { StatusTag } from '../archive/StatusTag';
import { readReminderQuery, reminderSearch, type ReminderQuery } from './reminder-filter';

/**
 * 培训提醒: principals, safety officers and high-risk workers whose yearly training is overdue, due within N days
 * or never done, and certificates ending within N days (either side of today), filtered by town and industry;
 * exportable, and printable as one notice per enterprise.
 */
export function RemindersPage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = readReminderQuery(params);
  const today = localToday();
  const data = useLiveQuery(async () => {
    const [list, enterprises] = await Promise.all([
      reminders(ctx, { today, ...query }),
      listEnterprises(ctx),
    ]);
    return { list, towns: [...new Set(enterprises.flatMap((e) => (e.town ? [e.town] : [])))].sort() };
  }, [ctx, today, query.withinDays, query.town, query.industry]);

  const setQuery = (patch: Partial<ReminderQuery>) => {
    const next = { ...query, ...patch };
    for (const key of ['town', 'industry'] as const) if (!next[key]) delete next[key];
    setParams(reminderSearch(next), { replace: true });
  };

  const people = data?.list.people ?? [];
  const certificates = data?.list.certificates ?? [];
  const dueText = (r: PersonReminder) =>
    r.ledger.dueDate ? formatDate(r.ledger.dueDate, locale) : t('reminders.asSoonAsPossible');
  const hoursText = (r: PersonReminder) =>
    r.requiredThisYear === null
      ? formatHours(r.hoursThisYear)
      : `${formatHours(r.hoursThisYear)} / ${formatHours(r.requiredThisYear)}`;
  const daysLeftText = (c: CertificateReminder) =>
    c.daysLeft < 0
      ? t('reminders.expiredDays', { days: -c.daysLeft })
      : t('reminders.daysLeft', { days: c.daysLeft });
  const industryText = (code?: string) => (code ? t(INDUSTRY_LABEL[code] ?? 'industry.other') : '');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.reminders')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={people.length + certificates.length === 0}
          onClick={() => void navigate(`/print/reminders?${reminderSearch(query)}`)}
        >
          {t('reminders.printNotices')}
        </Button>
      </Space>
      <Card size="small">
        <Space wrap>
          <Space size={4}>
            <Typography.Text>{t('reminders.within')}</Typography.Text>
            <InputNumber
              aria-label={t('reminders.within')}
              min={1}
              max={3650}
              value={query.withinDays}
              suffix={t('reminders.days')}
              style={{ width: 120 }}
              onChange={(value) => {
                if (value) setQuery({ withinDays: value });
              }}
            />
          </Space>
          <Select
            aria-label={t('enterprises.town')}
            placeholder={t('enterprises.town')}
            allowClear
            style={{ width: 160 }}
            value={query.town}
            onChange={(town?: string) => setQuery({ town })}
            options={(data?.towns ?? []).map((value) => ({ value, label: value }))}
          />
          <Select
            aria-label={t('enterprises.industry')}
            placeholder={t('enterprises.industry')}
            allowClear
            style={{ width: 200 }}
            value={query.industry}
            onChange={(industry?: string) => setQuery({ industry })}
            options={INDUSTRIES.map((i) => ({ value: i.code, label: <IndustryName code={i.code} /> }))}
          />
          <Typography.Text type="secondary">{t('reminders.ruleHint')}</Typography.Text>
        </Space>
      </Card>
      <Card
        title={t('reminders.people', { count: people.length })}
        extra={
          <ExportButton<PersonReminder>
            name={t('reminders.peopleSheet')}
            rows={people}
            columns={[
              { title: t('people.name'), value: (r) => r.person.name },
              { title: t('people.idNumber'), value: (r) => maskIdNumber(r.person.idNumber), width: 22 },
              { title: t('people.role'), value: (r) => t(ROLE_LABEL[r.audience]), width: 18 },
              { title: t('people.enterprise'), value: (r) => r.enterprise?.name, width: 30 },
              { title: t('enterprises.town'), value: (r) => r.enterprise?.town },
              { title: t('enterprises.industry'), value: (r) => industryText(r.enterprise?.industry) },
              { title: t('archive.thisYear', { year: today.slice(0, 4) }), value: hoursText },
              { title: t('archive.status'), value: (r) => t(STATUS_LABEL[r.status]) },
              { title: t('reminders.dueDate'), value: dueText },
              { title: t('people.phone'), value: (r) => r.person.phone, width: 14 },
            ]}
          />
        }
      >
        <Table<PersonReminder>
          aria-label={t('reminders.peopleTable')}
          rowKey={(r) => `${r.person.id}|${r.enterprise?.id ?? ''}`}
          size="middle"
          loading={!data}
          dataSource={people}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{ emptyText: t('reminders.noPeople') }}
          columns={[
            {
              title: t('people.name'),
              key: 'name',
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, r) => <Link to={`/people/${r.person.id}`}>{r.person.name}</Link>,
            },
            { title: t('people.role'), key: 'role', render: (_, r) => t(ROLE_LABEL[r.audience]) },
            {
              title: t('people.enterprise'),
              key: 'enterprise',
              render: (_, r) =>
                r.enterprise ? <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link> : '—',
            },
            { title: t('enterprises.town'), key: 'town', render: (_, r) => r.enterprise?.town ?? '' },
            {
              title: t('enterprises.industry'),
              key: 'industry',
              render: (_, r) => <IndustryName code={r.enterprise?.industry} />,
            },
            {
              title: t('archive.thisYear', { year: today.slice(0, 4) }),
              key: 'hours',
              render: (_, r) => hoursText(r),
            },
            {
              title: t('archive.status'),
              key: 'status',
              filters: (['overdue', 'due', 'never-trained'] as const).map((s) => ({
                text: t(STATUS_LABEL[s]),
                value: s,
              })),
              onFilter: (value, r) => r.status === value,
              render: (_, r) => <StatusTag status={r.status} />,
            },
            {
              title: t('reminders.dueDate'),
              key: 'due',
              render: (_, r) => (
                <Typography.Text type={r.status === 'overdue' ? 'danger' : undefined}>
                  {dueText(r)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('reminders.certificates', { count: certificates.length })}
        extra={
          <ExportButton<CertificateReminder>
            name={t('reminders.certificatesSheet')}
            rows={certificates}
            columns={[
              { title: t('people.name'), value: (c) => c.person?.name ?? c.certificate.snapshot.personName },
              { title: t('certificates.number'), value: (c) => c.certificate.number, width: 24 },
              { title: t('sessions.name'), value: (c) => c.course?.name, width: 30 },
              { title: t('people.enterprise'), value: (c) => c.enterprise?.name, width: 30 },
              { title: t('enterprises.town'), value: (c) => c.enterprise?.town },
              { title: t('reminders.validUntil'), value: (c) => c.certificate.validUntil },
              { title: t('reminders.remaining'), value: daysLeftText },
            ]}
          />
        }
      >
        <Table<CertificateReminder>
          aria-label={t('reminders.certificatesTable')}
          rowKey={(c) => c.certificate.id}
          size="middle"
          loading={!data}
          dataSource={certificates}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{ emptyText: t('reminders.noCertificates') }}
          columns={[
            {
              title: t('people.name'),
              key: 'name',
              render: (_, c) =>
                c.person ? (
                  <Link to={`/people/${c.person.id}`}>{c.person.name}</Link>
                ) : (
                  c.certificate.snapshot.personName
                ),
            },
            {
              title: t('certificates.number'),
              key: 'number',
              render: (_, c) => <Typography.Text code>{c.certificate.number}</Typography.Text>,
            },
            { title: t('sessions.name'), key: 'course', render: (_, c) => c.course?.name ?? '' },
            {
              title: t('people.enterprise'),
              key: 'enterprise',
              render: (_, c) =>
                c.enterprise ? <Link to={`/enterprises/${c.enterprise.id}`}>{c.enterprise.name}</Link> : '—',
            },
            {
              title: t('reminders.validUntil'),
              key: 'until',
              render: (_, c) => formatDate(c.certificate.validUntil!, locale),
            },
            {
              title: t('reminders.remaining'),
              key: 'left',
              render: (_, c) => <Tag color={c.daysLeft < 0 ? 'red' : 'gold'}>{daysLeftText(c)}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
