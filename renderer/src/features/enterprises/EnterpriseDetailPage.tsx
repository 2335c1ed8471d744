import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { enterprisePeople, getEnterprise } from '../../db/enterprises-repo';
import { tookPart, trainingHistory, type TrainingRecord } from '../../db/history-repo';
import { listEnterprises } from '../../db/people-repo';
import type { Person, PersonRole } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours } from '../../ui/format';
import { EmptyState } from '../../ui/EmptyState';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';
import { ROLE_COLOR, ROLE_LABEL } from '../people/labels';
import { PersonEditForm } from '../people/PersonEditForm';
import { TrainingHistoryTable } from '../people/TrainingHistoryTable';
import { useSavePerson } from '../people/use-save-person';
import { EnterpriseForm } from './EnterpriseForm';
import { IndustryName } from './IndustryTag';
import { useSaveEnterprise } from './use-save-enterprise';
import { EnterpriseArchiveSection } from '../archive/EnterpriseArchiveSection';

interface StaffRow {
  person: Person;
  /** Their role here: linked as principal or safety officer, else their own. */
  role: PersonRole;
  trainings: number;
  lastTraining?: string;
  hours: number;
  certificates: number;
}

const ROLE_ORDER: Record<PersonRole, number> = { principal: 0, 'safety-officer': 1, worker: 2 };

/** One enterprise: particulars, principal and safety officers, everyone who works there, and their training. */
export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const saveEnterprise = useSaveEnterprise();
  const savePerson = useSavePerson();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const data = useLiveQuery(async () => {
    const enterprise = await getEnterprise(ctx, id);
    if (!enterprise) return { enterprise: undefined };
    const [staff, enterprises] = await Promise.all([enterprisePeople(ctx, enterprise), listEnterprises(ctx)]);
    const everyone = new Map([...staff.people, ...staff.safetyOfficers].map((p) => [p.id, p]));
    if (staff.principal) everyone.set(staff.principal.id, staff.principal);
    const history = await trainingHistory(ctx, [...everyone.keys()]);
    return { enterprise, staff, everyone, history, enterprises };
  }, [ctx, id]);

  if (!data) return null;
  const { enterprise, staff, everyone, history = [], enterprises = [] } = data;
  if (!enterprise || !staff || !everyone) {
    return (
      <Result
        status="404"
        title={t('enterprises.notFound')}
        extra={<Button onClick={() => void navigate('/enterprises')}>{t('nav.enterprises')}</Button>}
      />
    );
  }

  const roleHere = (p: Person): PersonRole =>
    p.id === enterprise.principalId
      ? 'principal'
      : enterprise.safetyOfficerIds?.includes(p.id)
        ? 'safety-officer'
        : p.role;
  const rows: StaffRow[] = [...everyone.values()]
    .map((person) => {
      const mine = history.filter((h) => h.personId === person.id && tookPart(h));
      return {
        person,
        role: roleHere(person),
        trainings: mine.length,
        ...(mine[0] ? { lastTraining: mine[0].session.startDate } : {}),
        hours: mine.reduce((sum, h) => sum + h.hoursCredited, 0),
        certificates: mine.filter((h) => h.certificate?.status === 'valid').length,
      };
    })
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.person.name.localeCompare(b.person.name, 'zh-CN'),
    );
  const trained = rows.filter((r) => r.certificates > 0).length;
  const personLink = (p: Person) => <Link to={`/people/${p.id}`}>{p.name}</Link>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/enterprises">{t('nav.enterprises')}</Link> }, { title: enterprise.name }]}
      />
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {enterprise.name}{' '}
            {enterprise.aboveDesignatedSize && <Tag color="blue">{t('enterprises.aboveSize')}</Tag>}
          </Typography.Title>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        </Space>
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              label: t('enterprises.creditCode'),
              children: enterprise.creditCode ? (
                <Typography.Text style={{ fontFamily: 'monospace' }}>{enterprise.creditCode}</Typography.Text>
              ) : (
                <Tag color="warning">{t('enterprises.noCreditCode')}</Tag>
              ),
            },
            { label: t('enterprises.town'), children: enterprise.town ?? '—' },
            {
              label: t('enterprises.industry'),
              children: enterprise.industry ? <IndustryName code={enterprise.industry} /> : '—',
            },
            {
              label: t('enterprises.principal'),
              children: staff.principal ? personLink(staff.principal) : '—',
            },
            {
              label: t('enterprises.safetyOfficers'),
              children:
                staff.safetyOfficers.length > 0 ? (
                  <Space split="、" size={2} wrap>
                    {staff.safetyOfficers.map((p) => (
                      <span key={p.id}>{personLink(p)}</span>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              label: t('enterprises.contact'),
              children: [enterprise.contactName, enterprise.contactPhone].filter(Boolean).join('  ') || '—',
            },
            { label: t('enterprises.address'), children: enterprise.address ?? '—', span: 3 },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          tabBarExtraContent={
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('people.new')}
            </Button>
          }
          items={[
            {
              key: 'people',
              label: t('enterprises.staffTab', { count: rows.length, trained }),
              children: (
                <Table<StaffRow>
                  rowKey={(r) => r.person.id}
                  size="middle"
                  dataSource={rows}
                  pagination={{
                    pageSize: 50,
                    hideOnSinglePage: true,
                    showTotal: (total) => t('common.total', { total }),
                  }}
                  locale={{
                    emptyText: (
                      <EmptyState
                        description={t('enterprises.noStaff')}
                        action={{ label: t('people.new'), onClick: () => setAdding(true) }}
                      />
                    ),
                  }}
                  columns={[
                    {
                      title: t('people.name'),
                      key: 'name',
                      sorter: (a, b) => a.person.name.localeCompare(b.person.name, 'zh-CN'),
                      render: (_, r) => personLink(r.person),
                    },
                    {
                      title: t('people.role'),
                      key: 'role',
                      sorter: (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
                      render: (_, r) => <Tag color={ROLE_COLOR[r.role]}>{t(ROLE_LABEL[r.role])}</Tag>,
                    },
                    {
                      title: t('people.idNumber'),
                      key: 'id',
                      render: (_, r) => <MaskedId value={r.person.idNumber} name={r.person.name} />,
                    },
                    { title: t('people.trade'), key: 'trade', render: (_, r) => r.person.trade ?? '' },
                    {
                      title: t('history.trainings'),
                      key: 'trainings',
                      align: 'right',
                      sorter: (a, b) => a.trainings - b.trainings,
                      render: (_, r) => r.trainings,
                    },
                    {
                      title: t('history.last'),
                      key: 'last',
                      sorter: (a, b) => (a.lastTraining ?? '').localeCompare(b.lastTraining ?? ''),
                      render: (_, r) => (r.lastTraining ? formatDate(r.lastTraining, locale) : ''),
                    },
                    {
                      title: t('history.hours'),
                      key: 'hours',
                      align: 'right',
                      sorter: (a, b) => a.hours - b.hours,
                      render: (_, r) => formatHours(r.hours),
                    },
                    {
                      title: t('history.validCertificates'),
                      key: 'certificates',
                      align: 'right',
                      sorter: (a, b) => a.certificates - b.certificates,
                      render: (_, r) => r.certificates,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'history',
              label: t('enterprises.historyTab', { count: history.length }),
              children: <TrainingHistoryTable rows={history satisfies TrainingRecord[]} people={everyone} />,
            },
          ]}
        />
      </Card>
      <EnterpriseArchiveSection enterpriseId={enterprise.id} />
      <EnterpriseForm
        open={editing}
        enterprise={enterprise}
        towns={[...new Set(enterprises.flatMap((e) => (e.town ? [e.town] : [])))]}
        staff={[...everyone.values()]}
        onClose={() => setEditing(false)}
        onSave={async (input) => {
          if (await saveEnterprise(input, enterprise)) setEditing(false);
        }}
      />
      <PersonEditForm
        open={adding}
        enterprises={enterprises}
        enterpriseId={enterprise.id}
        onClose={() => setAdding(false)}
        onSave={async (fields) => {
          if (await savePerson(fields)) setAdding(false);
        }}
      />
    </Space>
  );
}
