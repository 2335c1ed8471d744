import { useMemo } from 'react';
import { Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { FormOutlined, PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { RosterRow } from '../../db/enrollments-repo';
import type { Session } from '../../db/records';
import type { AttendanceRules } from '../../domain/attendance';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import { dayCounts, notArrived } from './day-counts';
import './day-overview.css';

/**
 * A session day on the session page: the way to the check-in station (the one check-in screen), to entering a
 * signed sheet and to printing one; the day's live counters, and who has not arrived.
 */
export function SessionDayOverview(props: {
  session: Session;
  roster: readonly RosterRow[];
  rules: AttendanceRules | undefined;
  date: string;
  onDateChange: (date: string) => void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { session, roster, rules, date } = props;
  const day = session.days.find((d) => d.date === date);
  const counts = useMemo(() => dayCounts(roster, date, day, rules), [roster, date, day, rules]);
  const missing = useMemo(() => notArrived(roster, date), [roster, date]);

  return (
    <Card
      title={t('dayPanel.title', { date: formatDate(date, locale) })}
      extra={
        session.days.length > 1 && (
          <Segmented<string>
            aria-label={t('checkin.day')}
            value={date}
            onChange={props.onDateChange}
            options={session.days.map((d) => ({ value: d.date, label: formatDate(d.date, locale) }))}
          />
        )
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Button
                type="primary"
                size="large"
                icon={<ScanOutlined />}
                onClick={() => void navigate(`/checkin/${session.id}?date=${date}`)}
              >
                {t('station.open')}
              </Button>
              <Button
                size="large"
                icon={<FormOutlined />}
                onClick={() => void navigate(`/checkin/${session.id}/sheet?date=${date}`)}
              >
                {t('dayPanel.enterSheet')}
              </Button>
              <Button
                size="large"
                icon={<PrinterOutlined />}
                onClick={() => void navigate(`/print/signin/${session.id}?date=${date}`)}
              >
                {t('sheet.open')}
              </Button>
            </Space>
            <Typography.Text type="secondary">{t('dayPanel.stationHelp')}</Typography.Text>
            <Row gutter={16} role="group" aria-label={t('station.side')}>
              <Col span={6} data-counter="enrolled">
                <Statistic
                  title={t('station.countEnrolled')}
                  value={counts.enrolled}
                  suffix={`/ ${session.capacity}`}
                />
              </Col>
              <Col span={6} data-counter="present">
                <Statistic title={t('station.countPresent')} value={counts.present} />
              </Col>
              <Col span={6} data-counter="late">
                <Statistic title={t('station.countLate')} value={counts.late} />
              </Col>
              <Col span={6} data-counter="walkins">
                <Statistic title={t('station.countWalkIns')} value={counts.walkIns} />
              </Col>
            </Row>
            <Typography.Text type="secondary">{t('dayPanel.walkInsHelp')}</Typography.Text>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('station.notArrived', { count: missing.length })}
          </Typography.Title>
          {missing.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dayPanel.allArrived')} />
          ) : (
            <ul className="day-missing" aria-label={t('station.notArrivedList')}>
              {missing.map((r) => (
                <li key={r.person.id}>
                  <span>{r.person.name}</span>
                  <Typography.Text type="secondary" className="day-missing-id">
                    {maskIdNumber(r.person.idNumber)}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Col>
      </Row>
    </Card>
  );
}
