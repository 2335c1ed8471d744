import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { archivedLines, personArchive, type ArchiveLine } from '../../db/archive-repo';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateRange, formatHours, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { AUDIENCE_LABEL } from '../courses/labels';
import { ARCHIVE_DUE_WITHIN_DAYS } from './labels';
import { LedgerTable } from './LedgerTable';
import { StatusTag } from './StatusTag';
import { AssessmentText, outlineText } from './archive-text';

/**
 * 培训档案 on a person's page: the status against the statutory hours (which rules apply and why), the yearly
 * ledger, and every training taken with content, hours, assessment and certificate number; printable.
 */
export function PersonArchiveSection(props: { personId: string }) {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const today = localToday();
  const archive = useLiveQuery(
    () => personArchive(ctx, props.personId, { today, dueWithinDays: ARCHIVE_DUE_WITHIN_DAYS }),
    [ctx, props.personId, today],
  );
  if (!archive) return null;
  const lines = archivedLines(archive.lines);
  const { ledger } = archive;

  return (
    <Card
      title={t('archive.person.title')}
      extra={
        <Button
          icon={<PrinterOutlined />}
          onClick={() => void navigate(`/print/archive/person/${props.personId}`)}
        >
          {t('archive.print')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            label: t('archive.status'),
            children: (
              <Space size={4}>
                <StatusTag status={ledger.status} />
                {ledger.dueDate && ledger.status !== 'current' && (
                  <Typography.Text type={ledger.status === 'overdue' ? 'danger' : 'warning'}>
                    {t(ledger.status === 'overdue' ? 'archive.overdueSince' : 'archive.dueBy', {
                      date: formatDate(ledger.dueDate, locale),
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            label: t('archive.rulesFor'),
            children: (
              <Space size={4}>
                {t(AUDIENCE_LABEL[archive.audience])}
                {archive.highRisk && <Tag color="red">{t('enterprises.highRisk')}</Tag>}
              </Space>
            ),
          },
          {
            label: t('archive.thisYear', { year: today.slice(0, 4) }),
            children:
              archive.requiredThisYear === null
                ? `${formatHours(archive.hoursThisYear)} ${t('common.classHours')}`
                : t('archive.hoursOf', {
                    hours: formatHours(archive.hoursThisYear),
                    required: formatHours(archive.requiredThisYear),
                  }),
          },
          {
            label: t('history.last'),
            children: archive.lastTrainedOn ? formatDate(archive.lastTrainedOn, locale) : '—',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('archive.ledger.title')}
      </Typography.Title>
      <LedgerTable years={ledger.years} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('archive.ledger.rule')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('archive.trainings', { count: lines.length })}</Typography.Title>
      <Table<ArchiveLine>
        aria-label={t('archive.trainingsTable')}
        rowKey={(l) => l.session.id}
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={[...lines].reverse()}
        locale={{ emptyText: t('history.empty') }}
        columns={[
          {
            title: t('sessions.dates'),
            key: 'dates',
            width: 190,
            render: (_, l) =>
              formatDateRange(
                l.session.days.map((d) => d.date),
                locale,
              ),
          },
          {
            title: t('sessions.name'),
            key: 'name',
            render: (_, l) => (
              <Link to={`/sessions/${l.session.id}`}>{l.session.title || l.course?.name}</Link>
            ),
          },
          {
            title: t('archive.content'),
            key: 'content',
            render: (_, l) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {outlineText(l.course?.outline)}
              </Typography.Text>
            ),
          },
          {
            title: t('sessions.hoursCredited'),
            key: 'hours',
            align: 'right',
            width: 90,
            render: (_, l) => formatHours(l.hoursCredited),
          },
          {
            title: t('assessment.result'),
            key: 'assessment',
            width: 110,
            render: (_, l) => <AssessmentText assessment={l.assessment} />,
          },
          {
            title: t('certificates.number'),
            key: 'certificate',
            render: (_, l) =>
              l.certificate ? (
                <span>
                  <Typography.Text code>{l.certificate.number}</Typography.Text>
                  {l.certificate.status === 'voided' && <Tag>{t('certificates.voided')}</Tag>}
                </span>
              ) : (
                ''
              ),
          },
        ]}
      />
    </Card>
  );
}
