import { useMemo, useState } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Space,
  Table,
  Typography,
} from 'antd';
import { PrinterOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { completeSession, getSession } from '../../db/sessions-repo';
import { getCourse } from '../../db/courses-repo';
import { enrollPerson, sessionRoster, type RosterRow } from '../../db/enrollments-repo';
import { InvalidIdNumberError, listEnterprises, type PersonInput } from '../../db/people-repo';
import { IssueCertificatesButton } from '../certificates/IssueCertificatesButton';
import { getAppSettings } from '../../db/settings-repo';
import { defaultSessionDay, sessionTotalHours } from '../../domain/session-days';
import type { ResidentIdError } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { MaskedId } from '../../ui/MaskedId';
import { formatDate, formatDateRange, formatHours, formatTime, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { SessionDayOverview } from '../checkin/SessionDayOverview';
import { AttendanceCell } from '../checkin/AttendanceCell';
import { AttendanceCorrectionDrawer, type CorrectionTarget } from '../checkin/AttendanceCorrectionDrawer';
import { PersonForm } from '../people/PersonForm';
import { ID_ERROR_MESSAGE } from '../people/id-messages';
import { SessionStatusTag } from './SessionStatusTag';
import { AssessmentCard } from '../assessment/AssessmentCard';
import { ExportButton } from '../export/ExportButton';
import { ATTENDANCE_LABEL } from '../../ui/AttendanceTag';
import { maskIdNumber } from '../../domain/resident-id';

export function SessionDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<CorrectionTarget | null>(null);
  const data = useLiveQuery(async () => {
    const session = await getSession(ctx, id);
    if (!session) return { session: undefined };
    const [course, roster, enterprises, settings] = await Promise.all([
      getCourse(ctx, session.courseId),
      sessionRoster(ctx, id),
      listEnterprises(ctx),
      getAppSettings(ctx.db),
    ]);
    return { session, course, roster, enterprises, settings };
  }, [ctx, id]);

  const today = localToday();
  const session = data?.session;
  const checkInDay = useMemo(() => {
    if (!session) return undefined;
    return defaultSessionDay(session.days, today, chosenDay);
  }, [session, chosenDay, today]);

  if (!data) return null;
  if (!data.session || !session) {
    return (
      <Result
        status="404"
        title={t('sessions.notFound')}
        extra={<Button onClick={() => void navigate('/sessions')}>{t('nav.sessions')}</Button>}
      />
    );
  }
  const { course, roster = [], enterprises = [], settings } = data;
  const totalHours = settings ? sessionTotalHours(session.days, settings.minutesPerClassHour) : 0;
  const certified = roster.filter((r) => r.certificate).length;

  const addPerson = async (input: PersonInput) => {
    try {
      const result = await enrollPerson(ctx, session.id, input, { walkIn: false });
      setAdding(false);
      void message.success(
        result.alreadyEnrolled
          ? t('sessions.alreadyEnrolled', { name: result.person.name })
          : t('sessions.personAdded', { name: result.person.name }),
      );
    } catch (error) {
      if (error instanceof InvalidIdNumberError) {
        void message.error(t(ID_ERROR_MESSAGE[error.reason as ResidentIdError]));
        return;
      }
      throw error;
    }
  };

  const complete = async () => {
    const { markedAbsent } = await completeSession(ctx, session.id);
    void message.success(t('sessions.completed', { absent: markedAbsent }));
  };

  const dayColumns = session.days.map((day) => ({
    title: session.days.length > 1 ? formatDate(day.date, locale) : t('sessions.attendance'),
    key: `day-${day.date}`,
    render: (_: unknown, row: RosterRow) => (
      <AttendanceCell
        attendance={row.attendance[day.date]}
        name={row.person.name}
        dateLabel={formatDate(day.date, locale)}
        onCorrect={() =>
          setCorrecting({ sessionId: session.id, personId: row.person.id, name: row.person.name, day })
        }
      />
    ),
  }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/sessions">{t('nav.sessions')}</Link> },
          { title: session.title || course?.name },
        ]}
      />
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start" wrap>
          <Space direction="vertical" size={4}>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {session.title || course?.name} <SessionStatusTag session={session} today={today} />
            </Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, lg: 2, xl: 4 }}
              items={[
                {
                  label: t('sessions.dates'),
                  children: formatDateRange(
                    session.days.map((d) => d.date),
                    locale,
                  ),
                },
                { label: t('sessions.venue'), children: session.venue },
                { label: t('sessions.instructor'), children: session.instructor },
                {
                  label: t('courses.hours'),
                  children: `${formatHours(totalHours)} ${t('common.classHours')}`,
                },
              ]}
            />
          </Space>
          <Space wrap>
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('sessions.addPerson')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => void navigate(`/import?session=${session.id}`)}>
              {t('sessions.importRoster')}
            </Button>
            {session.status === 'planned' && (
              <Popconfirm
                title={t('sessions.confirmComplete')}
                description={t('sessions.confirmCompleteDetail')}
                okText={t('sessions.complete')}
                cancelText={t('common.cancel')}
                onConfirm={complete}
              >
                <Button>{t('sessions.complete')}</Button>
              </Popconfirm>
            )}
            <IssueCertificatesButton sessionId={session.id} />
            <Button
              icon={<PrinterOutlined />}
              disabled={certified === 0}
              onClick={() => void navigate(`/print/certificates?session=${session.id}`)}
            >
              {t('certificates.print')}
            </Button>
          </Space>
        </Space>
      </Card>
      {checkInDay && (
        <SessionDayOverview
          session={session}
          roster={roster}
          rules={settings?.attendanceRules}
          date={checkInDay}
          onDateChange={setChosenDay}
        />
      )}
      <Card
        title={t('sessions.trainees', { count: roster.length })}
        extra={
          <ExportButton<RosterRow>
            name={`${session.title || course?.name || ''}-${t('sessions.traineesSheet')}`}
            rows={roster}
            columns={[
              { title: t('people.name'), value: (r) => r.person.name },
              { title: t('people.idNumber'), value: (r) => maskIdNumber(r.person.idNumber), width: 22 },
              { title: t('people.enterprise'), value: (r) => r.enterpriseName, width: 30 },
              { title: t('people.phone'), value: (r) => r.person.phone, width: 14 },
              ...session.days.map((day) => ({
                title: formatDate(day.date, locale),
                value: (r: RosterRow) => {
                  const a = r.attendance[day.date];
                  return a
                    ? `${t(ATTENDANCE_LABEL[a.status])}${a.checkInAt ? ` ${formatTime(a.checkInAt)}` : ''}`
                    : '';
                },
              })),
              { title: t('sessions.hoursCredited'), value: (r) => r.hoursCredited, width: 10 },
              { title: t('certificates.number'), value: (r) => r.certificate?.number, width: 24 },
            ]}
          />
        }
      >
        <Table<RosterRow>
          rowKey={(r) => r.enrollment.id}
          dataSource={roster}
          size="middle"
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{
            emptyText: (
              <Empty description={t('sessions.noTrainees')}>
                <Button type="primary" onClick={() => setAdding(true)}>
                  {t('sessions.addPerson')}
                </Button>
              </Empty>
            ),
          }}
          columns={[
            { title: t('common.seq'), key: 'seq', width: 64, render: (_, __, i) => i + 1 },
            { title: t('people.name'), key: 'name', render: (_, r) => r.person.name },
            {
              title: t('people.idNumber'),
              key: 'id',
              render: (_, r) => <MaskedId value={r.person.idNumber} name={r.person.name} />,
            },
            { title: t('people.enterprise'), key: 'enterprise', render: (_, r) => r.enterpriseName ?? '' },
            { title: t('people.phone'), key: 'phone', render: (_, r) => r.person.phone ?? '' },
            ...dayColumns,
            {
              title: t('sessions.hoursCredited'),
              key: 'hours',
              render: (_, r) => formatHours(r.hoursCredited),
            },
            {
              title: t('certificates.number'),
              key: 'certificate',
              render: (_, r) =>
                r.certificate ? <Typography.Text code>{r.certificate.number}</Typography.Text> : '',
            },
          ]}
        />
      </Card>
      <AssessmentCard sessionId={session.id} />
      <PersonForm
        open={adding}
        title={t('sessions.addPerson')}
        enterpriseNames={enterprises.map((e) => e.name)}
        onClose={() => setAdding(false)}
        onSave={addPerson}
      />
      <AttendanceCorrectionDrawer
        target={correcting}
        settings={settings}
        onClose={() => setCorrecting(null)}
      />
    </Space>
  );
}
