import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { getPerson, listEnterprises } from '../../db/people-repo';
import { enterprisesLedBy } from '../../db/enterprises-repo';
import { tookPart, trainingHistory } from '../../db/history-repo';
import { ageOn } from '../../domain/age';
import { residentIdHolder } from '../../domain/id-document';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours, localToday } from '../../ui/format';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';
import { HOLDER_LABEL, ID_TYPE_LABEL, PROVINCE_LABEL, ROLE_COLOR, ROLE_LABEL } from './labels';
import { MergeDrawer } from './MergeDrawer';
import { MergeList } from './MergeHistory';
import { PersonEditForm } from './PersonEditForm';
import { TrainingHistoryTable } from './TrainingHistoryTable';
import { useSavePerson } from './use-save-person';
import { PersonArchiveSection } from '../archive/PersonArchiveSection';

/** One person: particulars (age from the birth date), the enterprises they lead, the training archive, merges. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const save = useSavePerson();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const data = useLiveQuery(async () => {
    const person = await getPerson(ctx, id);
    if (!person) return { person: undefined };
    const [enterprises, led, history] = await Promise.all([
      listEnterprises(ctx),
      enterprisesLedBy(ctx, id),
      trainingHistory(ctx, [id]),
    ]);
    return { person, enterprises, led, history };
  }, [ctx, id]);

  if (!data) return null;
  const { person, enterprises = [], led = [], history = [] } = data;
  if (!person) {
    return (
      <Result
        status="404"
        title={t('people.notFound')}
        extra={<Button onClick={() => void navigate('/people')}>{t('nav.people')}</Button>}
      />
    );
  }
  const today = localToday();
  const employer = enterprises.find((e) => e.id === person.enterpriseId);
  const year = today.slice(0, 4);
  const hoursThisYear = history
    .filter((h) => h.session.startDate.startsWith(year))
    .reduce((sum, h) => sum + h.hoursCredited, 0);
  const validCertificates = history.filter((h) => h.certificate?.status === 'valid').length;
  const province = person.homeRegion ? PROVINCE_LABEL[person.homeRegion.slice(0, 2)] : undefined;
  const documentLabel =
    person.idType === 'resident-id'
      ? HOLDER_LABEL[residentIdHolder(person.idNumber)]
      : ID_TYPE_LABEL[person.idType];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/people">{t('nav.people')}</Link> }, { title: person.name }]} />
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {person.name} <Tag color={ROLE_COLOR[person.role]}>{t(ROLE_LABEL[person.role])}</Tag>
          </Typography.Title>
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
              {t('merge.title')}
            </Button>
          </Space>
        </Space>
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { label: t('people.idType'), children: t(documentLabel) },
            {
              label: t('people.idNumber'),
              children: <MaskedId value={person.idNumber} name={person.name} />,
            },
            {
              label: t('people.birthDate'),
              children: person.birthDate ? formatDate(person.birthDate, locale) : '—',
            },
            {
              label: t('people.gender'),
              children: person.gender ? t(person.gender === 'M' ? 'people.male' : 'people.female') : '—',
            },
            {
              label: t('people.age'),
              children:
                ageOn(person.birthDate, today) !== undefined
                  ? t('people.years', { age: ageOn(person.birthDate, today)! })
                  : '—',
            },
            {
              label: t('people.homeRegion'),
              children: person.homeRegion
                ? province
                  ? t('people.region', { province: t(province), code: person.homeRegion })
                  : person.homeRegion
                : '—',
            },
            { label: t('people.phone'), children: person.phone ?? '—' },
            {
              label: t('people.enterprise'),
              children: employer ? <Link to={`/enterprises/${employer.id}`}>{employer.name}</Link> : '—',
            },
            { label: t('people.trade'), children: person.trade ?? '—' },
            ...(led.length > 0
              ? [
                  {
                    label: t('people.leads'),
                    span: 3,
                    children: (
                      <Space wrap>
                        {led.map((e) => (
                          <span key={e.id}>
                            <Link to={`/enterprises/${e.id}`}>{e.name}</Link>{' '}
                            <Tag>
                              {t(e.principalId === person.id ? 'role.principal' : 'role.safetyOfficer')}
                            </Tag>
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title={t('history.title')}
        extra={
          <Typography.Text type="secondary">
            {t('history.summary', {
              trainings: history.filter(tookPart).length,
              year,
              hours: formatHours(hoursThisYear),
              certificates: validCertificates,
            })}
          </Typography.Text>
        }
      >
        <TrainingHistoryTable rows={history} />
      </Card>
      <PersonArchiveSection personId={person.id} />
      <MergeList personId={person.id} asCard />
      <PersonEditForm
        open={editing}
        person={person}
        enterprises={enterprises}
        onClose={() => setEditing(false)}
        onSave={async (fields) => {
          if (await save(fields, person)) setEditing(false);
        }}
      />
      <MergeDrawer
        open={merging}
        first={person}
        onClose={() => setMerging(false)}
        onMerged={(kept) => {
          if (kept.id !== person.id) void navigate(`/people/${kept.id}`);
        }}
      />
    </Space>
  );
}
