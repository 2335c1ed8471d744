import { useEffect, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { noticeSessions, plannedSessionsBetween, type NoticeSession } from '../../db/notices-repo';
import { getAppSettings } from '../../db/settings-repo';
import { addDays } from '../../domain/calendar';
import { noticeSettings, parseSessionIds } from '../../domain/training-notice';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ExportButton } from '../export/ExportButton';
import { noticeLine, noticeSearch, type NoticeLine } from './notice-view';

/** How far ahead the notice looks by default: the coming month's sessions. */
const DEFAULT_DAYS_AHEAD = 30;

/**
 * 培训通知: choose sessions (planned ones in a date range, or those passed as `?sessions=`), edit what to bring and
 * the contact (defaults from 设置), then print the A4 notice or export the sessions to .xlsx.
 */
export function NoticesPage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = localToday();
  const passed = parseSessionIds(params.get('sessions'));
  const [range, setRange] = useState<[string, string]>([today, addDays(today, DEFAULT_DAYS_AHEAD)]);
  const [selected, setSelected] = useState<string[] | null>(passed.length > 0 ? passed : null);
  const [bring, setBring] = useState<string | null>(null);
  const [contactName, setContactName] = useState<string | null>(null);
  const [contactPhone, setContactPhone] = useState<string | null>(null);

  const data = useLiveQuery(async () => {
    const [inRange, extra, settings] = await Promise.all([
      plannedSessionsBetween(ctx, { from: range[0], to: range[1] }),
      noticeSessions(ctx, passed),
      getAppSettings(ctx.db),
    ]);
    // Sessions passed in the address stay listed even outside the range.
    const ids = new Set(inRange.map((r) => r.session.id));
    const rows = [...extra.filter((r) => !ids.has(r.session.id)), ...inRange];
    return { rows, defaults: noticeSettings(settings.trainingNotice, t('trainingNotice.defaultBring')) };
  }, [ctx, range[0], range[1], params.get('sessions'), t]);

  useEffect(() => {
    if (!data) return;
    setBring((v) => v ?? data.defaults.bring);
    setContactName((v) => v ?? data.defaults.contactName);
    setContactPhone((v) => v ?? data.defaults.contactPhone);
  }, [data]);

  const rows = data?.rows ?? [];
  // Until the user changes the selection, every listed session is chosen.
  const chosenIds = selected ?? rows.map((r) => r.session.id);
  const chosen = useMemo(
    () => rows.filter((r) => chosenIds.includes(r.session.id)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, chosenIds.join(',')],
  );
  const lines = chosen.map((r) => ({ row: r, line: noticeLine(t, locale, r) }));
  const options = {
    sessionIds: chosen.map((r) => r.session.id),
    bring: bring ?? '',
    contactName: contactName ?? '',
    contactPhone: contactPhone ?? '',
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('trainingNotice.title')}
        </Typography.Title>
        <Space>
          <ExportButton<{ line: NoticeLine }>
            name={t('trainingNotice.exportName')}
            rows={lines}
            columns={[
              { title: t('sessions.name'), value: (r) => r.line.name, width: 34 },
              { title: t('trainingNotice.audience'), value: (r) => r.line.audience, width: 18 },
              { title: t('trainingNotice.kind'), value: (r) => r.line.kind, width: 14 },
              { title: t('sessions.dates'), value: (r) => r.line.dates, width: 26 },
              { title: t('trainingNotice.times'), value: (r) => r.line.times, width: 14 },
              { title: t('sessions.venue'), value: (r) => r.line.venue, width: 30 },
              { title: t('trainingNotice.hours'), value: (r) => r.line.hours, width: 8 },
              { title: t('sessions.instructor'), value: (r) => r.line.instructor },
              { title: t('sessions.capacity'), value: (r) => r.line.capacity, width: 10 },
              { title: t('sessions.enrolled'), value: (r) => r.line.enrolled, width: 10 },
              { title: t('trainingNotice.bring'), value: () => options.bring, width: 40 },
              { title: t('trainingNotice.contactName'), value: () => options.contactName },
              { title: t('trainingNotice.contactPhone'), value: () => options.contactPhone, width: 16 },
            ]}
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={chosen.length === 0}
            onClick={() => void navigate(`/print/notice?${noticeSearch(options)}`)}
          >
            {t('trainingNotice.print')}
          </Button>
        </Space>
      </Space>
      <Card
        title={t('trainingNotice.sessions')}
        extra={
          <Space>
            <Typography.Text>{t('trainingNotice.range')}</Typography.Text>
            <DatePicker.RangePicker
              aria-label={t('trainingNotice.range')}
              allowClear={false}
              value={[dayjs(range[0]), dayjs(range[1])]}
              onChange={(values: [Dayjs | null, Dayjs | null] | null) => {
                const [from, to] = values ?? [];
                if (from && to) setRange([from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD')]);
              }}
            />
          </Space>
        }
      >
        <Table<NoticeSession>
          aria-label={t('trainingNotice.sessionsTable')}
          size="small"
          loading={!data}
          rowKey={(r) => r.session.id}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('trainingNotice.noSessions') }}
          rowSelection={{
            selectedRowKeys: chosenIds,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ 'aria-label': noticeLine(t, locale, r).name }),
          }}
          columns={[
            { title: t('sessions.name'), key: 'name', render: (_, r) => noticeLine(t, locale, r).name },
            {
              title: t('trainingNotice.audience'),
              key: 'aud',
              render: (_, r) => noticeLine(t, locale, r).audience,
            },
            { title: t('sessions.dates'), key: 'dates', render: (_, r) => noticeLine(t, locale, r).dates },
            {
              title: t('trainingNotice.times'),
              key: 'times',
              render: (_, r) => noticeLine(t, locale, r).times,
            },
            { title: t('sessions.venue'), key: 'venue', render: (_, r) => r.session.venue },
            {
              title: t('trainingNotice.hours'),
              key: 'hours',
              render: (_, r) => noticeLine(t, locale, r).hours,
            },
          ]}
        />
      </Card>
      <Card title={t('trainingNotice.contents')}>
        <Form layout="vertical">
          <Form.Item
            label={t('trainingNotice.bring')}
            htmlFor="notice-bring"
            extra={t('trainingNotice.bringHint')}
          >
            <Input.TextArea
              id="notice-bring"
              rows={4}
              maxLength={600}
              value={bring ?? ''}
              onChange={(e) => setBring(e.target.value)}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('trainingNotice.contactName')} htmlFor="notice-contact">
              <Input
                id="notice-contact"
                maxLength={20}
                style={{ width: 200 }}
                value={contactName ?? ''}
                onChange={(e) => setContactName(e.target.value)}
              />
            </Form.Item>
            <Form.Item label={t('trainingNotice.contactPhone')} htmlFor="notice-phone">
              <Input
                id="notice-phone"
                maxLength={30}
                style={{ width: 200 }}
                value={contactPhone ?? ''}
                onChange={(e) => setContactPhone(e.target.value)}
              />
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary">{t('trainingNotice.defaultsHint')}</Typography.Paragraph>
        </Form>
      </Card>
    </Space>
  );
}
