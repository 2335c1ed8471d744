import { useState } from 'react';
import { App, Button, Card, Col, Empty, List, Row, Space, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { loadDemoData } from '../../db/demo-data';
import { homeOverview } from '../../db/home-repo';
import { useI18n } from '../../i18n/i18n';
import { formatDateRange, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { AttentionTiles } from './AttentionTiles';

export function HomePage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const today = localToday();
  const stats = useLiveQuery(() => homeOverview(ctx, today), [ctx, today]);

  if (!stats) return null;

  if (stats.courses === 0 && stats.sessions === 0) {
    const loadDemo = async () => {
      setLoading(true);
      try {
        await loadDemoData(ctx);
        void message.success(t('home.demoLoaded'));
      } finally {
        setLoading(false);
      }
    };
    return (
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Space direction="vertical">
              <Typography.Title level={3}>{t('home.welcomeTitle')}</Typography.Title>
              <Typography.Paragraph>{t('home.welcomeBody')}</Typography.Paragraph>
            </Space>
          }
        >
          <Space>
            <Button type="primary" size="large" onClick={() => void navigate('/courses?new=1')}>
              {t('home.createFirstCourse')}
            </Button>
            <Button size="large" loading={loading} onClick={() => void loadDemo()}>
              {t('home.loadDemo')}
            </Button>
          </Space>
        </Empty>
      </Card>
    );
  }

  const { current, upcoming } = stats;
  const registerCounts = [
    { to: '/courses', title: t('home.statCourses'), value: stats.courses },
    { to: '/sessions', title: t('home.statSessions'), value: stats.sessions },
    { to: '/people', title: t('home.statPeople'), value: stats.people },
    { to: '/certificates', title: t('home.statCertificates'), value: stats.certificates },
  ];

  const sessionList = (items: typeof current, empty: string) => (
    <List
      locale={{ emptyText: empty }}
      dataSource={items}
      renderItem={({ session, course, enrolled }) => (
        <List.Item
          actions={[
            <Button key="open" type="link" onClick={() => void navigate(`/sessions/${session.id}`)}>
              {t('common.open')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={session.title || course?.name}
            description={`${formatDateRange(
              session.days.map((d) => d.date),
              locale,
            )} · ${session.venue} · ${t('sessions.enrolledCount', { count: enrolled })}`}
          />
        </List.Item>
      )}
    />
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.home')}
      </Typography.Title>
      <AttentionTiles today={today} people={stats.people} />
      <Row gutter={16}>
        <Col span={12}>
          <Card title={t('home.today')}>{sessionList(current, t('home.noSessionToday'))}</Card>
        </Col>
        <Col span={12}>
          <Card
            title={t('home.upcoming')}
            extra={
              <Button type="link" onClick={() => void navigate('/sessions?new=1')}>
                {t('sessions.new')}
              </Button>
            }
          >
            {sessionList(upcoming, t('home.noUpcoming'))}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        {registerCounts.map((c) => (
          <Col span={6} key={c.to}>
            <Card size="small" hoverable onClick={() => void navigate(c.to)}>
              <Statistic title={c.title} value={c.value} />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
