import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { enterpriseArchive, type EnterpriseArchive, type WorkerTraining } from '../../db/archive-repo';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours, localToday } from '../../ui/format';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';
import { ROLE_COLOR, ROLE_LABEL } from '../people/labels';
import { ARCHIVE_DUE_WITHIN_DAYS } from './labels';
import { StatusTag } from './StatusTag';

type Manager = EnterpriseArchive['managers'][number];

/**
 * 培训档案 on an enterprise's page: the principal and safety officers with their status against the statutory
 * hours (current, refresher due, overdue, never trained), and the workers trained; printable.
 */
export function EnterpriseArchiveSection(props: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const today = localToday();
  const archive = useLiveQuery(
    () => enterpriseArchive(ctx, props.enterpriseId, { today, dueWithinDays: ARCHIVE_DUE_WITHIN_DAYS }),
    [ctx, props.enterpriseId, today],
  );
  if (!archive) return null;
  const year = today.slice(0, 4);

  return (
    <Card
      title={t('archive.enterprise.title')}
      extra={
        <Button
          icon={<PrinterOutlined />}
          onClick={() => void navigate(`/print/archive/enterprise/${props.enterpriseId}`)}
        >
          {t('archive.print')}
        </Button>
      }
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('archive.enterprise.managers')}
      </Typography.Title>
      <Table<Manager>
        aria-label={t('archive.enterprise.managers')}
        rowKey={(m) => m.person.id}
        size="small"
        pagination={false}
        dataSource={archive.managers}
        locale={{ emptyText: t('archive.enterprise.noManagers') }}
        columns={[
          {
            title: t('people.name'),
            key: 'name',
            render: (_, m) => <Link to={`/people/${m.person.id}`}>{m.person.name}</Link>,
          },
          {
            title: t('people.role'),
            key: 'role',
            render: (_, m) => <Tag color={ROLE_COLOR[m.roleHere]}>{t(ROLE_LABEL[m.roleHere])}</Tag>,
          },
          {
            title: t('archive.status'),
            key: 'status',
            render: (_, m) => (
              <Space size={4}>
                <StatusTag status={m.ledger.status} />
                {m.ledger.dueDate && m.ledger.status !== 'current' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(m.ledger.status === 'overdue' ? 'archive.overdueSince' : 'archive.dueBy', {
                      date: formatDate(m.ledger.dueDate, locale),
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('archive.thisYear', { year }),
            key: 'hours',
            render: (_, m) =>
              m.requiredThisYear === null
                ? formatHours(m.hoursThisYear)
                : t('archive.hoursOf', {
                    hours: formatHours(m.hoursThisYear),
                    required: formatHours(m.requiredThisYear),
                  }),
          },
          {
            title: t('history.last'),
            key: 'last',
            render: (_, m) => (m.lastTrainedOn ? formatDate(m.lastTrainedOn, locale) : '—'),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('archive.enterprise.workers', {
          trained: archive.workersTrained.length,
          total: archive.workersTotal,
        })}
      </Typography.Title>
      <Table<WorkerTraining>
        aria-label={t('archive.enterprise.workersTable')}
        rowKey={(w) => w.person.id}
        size="small"
        dataSource={archive.workersTrained}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        locale={{ emptyText: t('archive.enterprise.noWorkers') }}
        columns={[
          {
            title: t('people.name'),
            key: 'name',
            render: (_, w) => <Link to={`/people/${w.person.id}`}>{w.person.name}</Link>,
          },
          {
            title: t('people.idNumber'),
            key: 'id',
            render: (_, w) => <MaskedId value={w.person.idNumber} name={w.person.name} />,
          },
          { title: t('people.trade'), key: 'trade', render: (_, w) => w.person.trade ?? '' },
          { title: t('history.trainings'), key: 'trainings', align: 'right', render: (_, w) => w.trainings },
          { title: t('history.hours'), key: 'hours', align: 'right', render: (_, w) => formatHours(w.hours) },
          { title: t('history.last'), key: 'last', render: (_, w) => formatDate(w.lastTrainedOn, locale) },
        ]}
      />
    </Card>
  );
}
