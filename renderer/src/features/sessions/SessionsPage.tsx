import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { listSessions, saveSession, type SessionInput, type SessionWithCourse } from '../../db/sessions-repo';
import { listCourses } from '../../db/courses-repo';
import { getAppSettings } from '../../db/settings-repo';
import { sessionPhase } from '../../domain/session-days';
import { useI18n } from '../../i18n/i18n';
import { formatDateRange, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { SessionForm } from './SessionForm';
import { ExportButton } from '../export/ExportButton';
import { SessionStatusTag } from './SessionStatusTag';

type View = 'upcoming' | 'past' | 'all';

export function SessionsPage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>('upcoming');
  const [creating, setCreating] = useState(false);
  const data = useLiveQuery(async () => {
    const [sessions, courses, settings] = await Promise.all([
      listSessions(ctx),
      listCourses(ctx),
      getAppSettings(ctx.db),
    ]);
    return { sessions, courses, settings };
  }, [ctx]);

  useEffect(() => {
    if (params.get('new') === '1') {
      setCreating(true);
      setParams({}, { replace: true });
    }
  }, [params, setParams]);

  const today = localToday();
  const rows = (data?.sessions ?? []).filter(({ session }) => {
    if (view === 'all') return true;
    const phase = sessionPhase(session.days, today);
    const past = phase === 'past' || session.status !== 'planned';
    // Upcoming reads soonest first; past reads latest first.
    return view === 'past' ? past : !past;
  });
  if (view === 'upcoming') rows.reverse();

  const save = async (input: SessionInput) => {
    const session = await saveSession(ctx, input);
    setCreating(false);
    void message.success(t('sessions.saved'));
    void navigate(`/sessions/${session.id}`);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.sessions')}
        </Typography.Title>
        <Space>
          <ExportButton<SessionWithCourse>
            name={t('nav.sessions')}
            rows={rows}
            columns={[
              { title: t('sessions.name'), value: (r) => r.session.title || r.course?.name, width: 36 },
              {
                title: t('sessions.dates'),
                value: (r) =>
                  formatDateRange(
                    r.session.days.map((d) => d.date),
                    locale,
                  ),
                width: 28,
              },
              { title: t('sessions.venue'), value: (r) => r.session.venue, width: 30 },
              { title: t('sessions.instructor'), value: (r) => r.session.instructor },
              { title: t('sessions.enrolled'), value: (r) => r.enrolled, width: 10 },
              { title: t('sessions.capacity'), value: (r) => r.session.capacity, width: 10 },
            ]}
          />
          <Button onClick={() => void navigate('/notices')}>{t('trainingNotice.open')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('sessions.new')}
          </Button>
        </Space>
      </Space>
      <Card>
        <Segmented<View>
          aria-label={t('sessions.view')}
          value={view}
          onChange={setView}
          style={{ marginBottom: 16 }}
          options={[
            { value: 'upcoming', label: t('sessions.upcoming') },
            { value: 'past', label: t('sessions.past') },
            { value: 'all', label: t('sessions.all') },
          ]}
        />
        <Table<SessionWithCourse>
          rowKey={(r) => r.session.id}
          dataSource={rows}
          loading={!data}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          onRow={(r) => ({ onDoubleClick: () => void navigate(`/sessions/${r.session.id}`) })}
          locale={{
            emptyText: (
              <Empty description={data?.courses.length ? t('sessions.empty') : t('sessions.emptyNoCourse')}>
                {data?.courses.length ? (
                  <Button type="primary" onClick={() => setCreating(true)}>
                    {t('sessions.new')}
                  </Button>
                ) : (
                  <Button type="primary" onClick={() => void navigate('/courses?new=1')}>
                    {t('courses.new')}
                  </Button>
                )}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('sessions.name'),
              key: 'name',
              render: (_, r) => (
                <Link to={`/sessions/${r.session.id}`}>{r.session.title || r.course?.name}</Link>
              ),
            },
            {
              title: t('sessions.dates'),
              key: 'dates',
              render: (_, r) =>
                formatDateRange(
                  r.session.days.map((d) => d.date),
                  locale,
                ),
              sorter: (a, b) => a.session.startDate.localeCompare(b.session.startDate),
            },
            { title: t('sessions.venue'), key: 'venue', render: (_, r) => r.session.venue },
            { title: t('sessions.instructor'), key: 'instructor', render: (_, r) => r.session.instructor },
            {
              title: t('sessions.enrolled'),
              key: 'enrolled',
              render: (_, r) => `${r.enrolled} / ${r.session.capacity}`,
            },
            {
              title: t('sessions.status'),
              key: 'status',
              render: (_, r) => <SessionStatusTag session={r.session} today={today} />,
            },
          ]}
        />
      </Card>
      {data && (
        <SessionForm
          open={creating}
          courses={data.courses}
          minutesPerClassHour={data.settings.minutesPerClassHour}
          onClose={() => setCreating(false)}
          onSave={save}
        />
      )}
    </Space>
  );
}
