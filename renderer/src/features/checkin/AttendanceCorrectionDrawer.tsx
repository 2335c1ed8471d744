import { useEffect, useMemo, useRef } from 'react';
import { App, Alert, Divider, Form, Input, InputNumber, Radio, Timeline, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import {
  attendanceHistory,
  correctAttendance,
  judgeSheetRow,
  ReasonRequiredError,
} from '../../db/checkin-repo';
import type { AppSettings } from '../../db/settings-repo';
import type { Attendance, AuditEntry } from '../../db/records';
import { classHoursForDay, type AttendanceStatus } from '../../domain/attendance';
import type { SessionDay } from '../../domain/session-days';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ATTENDANCE_LABEL } from '../../ui/AttendanceTag';
import { FormDrawer } from '../../ui/FormDrawer';
import { formatDate, formatHours, formatTime, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { parseSheetTime } from './sheet-entry';
import { SOURCE_LABEL } from './AttendanceCell';

/** Whose day is being corrected. */
export interface CorrectionTarget {
  sessionId: string;
  personId: string;
  name: string;
  day: SessionDay;
}

interface Values {
  status: AttendanceStatus;
  checkIn: string;
  checkOut: string;
  hours: number;
  reason: string;
}

const STATUSES: AttendanceStatus[] = ['present', 'late', 'left-early', 'absent', 'excused'];
const attends = (s: AttendanceStatus | undefined) => s === 'present' || s === 'late' || s === 'left-early';

/** The instant of a typed time on the day; the recorded instant when it is the same minute (scans have seconds). */
function instantOf(
  day: SessionDay,
  hhmm: string | undefined,
  recorded: string | undefined,
): string | undefined {
  if (!hhmm) return undefined;
  if (recorded && formatTime(recorded) === hhmm) return recorded;
  const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min).toISOString();
}

/**
 * A coordinator's correction of one person's day: status, times, the hours credited (the rules' figure unless
 * changed) and a reason, which is required; below it, the record's history from the audit log.
 */
export function AttendanceCorrectionDrawer(props: {
  target: CorrectionTarget | null;
  settings: AppSettings | undefined;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { target, settings } = props;
  const status = Form.useWatch('status', form);
  const checkIn = Form.useWatch('checkIn', form);
  const checkOut = Form.useWatch('checkOut', form);

  const targetKey = target ? `${target.sessionId}|${target.personId}|${target.day.date}` : '';
  const data = useLiveQuery(async () => {
    if (!target) return { key: '', record: undefined, history: [] as AuditEntry[] };
    const record = (
      await ctx.db.attendance
        .where('[sessionId+personId+date]')
        .equals([target.sessionId, target.personId, target.day.date])
        .toArray()
    ).find((a) => a.deletedAt === undefined);
    return { key: targetKey, record, history: record ? await attendanceHistory(ctx, record.id) : [] };
  }, [ctx, targetKey]);
  // The live query answers for the previous target until it has run for this one.
  const current = data?.key === targetKey && target ? data : undefined;
  const record: Attendance | undefined = current?.record;

  const maxHours = target && settings ? classHoursForDay(target.day, settings.minutesPerClassHour) : 0;
  // What the rules make of the status and times typed: the default for the hours, and a hint beside them.
  const suggestion = useMemo(() => {
    if (!target || !settings || !status) return undefined;
    const inTime = parseSheetTime(checkIn ?? '');
    const outTime = parseSheetTime(checkOut ?? '');
    if (!inTime.ok || !outTime.ok) return undefined;
    try {
      return judgeSheetRow(
        target.day,
        {
          status,
          ...(inTime.value && attends(status) ? { checkIn: inTime.value } : {}),
          ...(outTime.value && attends(status) ? { checkOut: outTime.value } : {}),
        },
        settings,
      );
    } catch {
      return undefined;
    }
  }, [target, settings, status, checkIn, checkOut]);

  // The form opens on what is on record, once per record opened (not again when the live query refreshes after
  // the save); the reason always starts empty: each correction says its own why.
  const initialized = useRef('');
  useEffect(() => {
    if (!target) initialized.current = '';
    if (!current || initialized.current === targetKey) return;
    initialized.current = targetKey;
    form.setFieldsValue({
      status: record?.status ?? 'present',
      checkIn: record?.checkInAt ? formatTime(record.checkInAt) : '',
      checkOut: record?.checkOutAt ? formatTime(record.checkOutAt) : '',
      hours: record?.hoursCredited ?? maxHours,
      reason: '',
    });
  }, [target, current, targetKey, record, maxHours, form]);

  const submit = async (values: Values) => {
    if (!target) return;
    const inTime = parseSheetTime(values.checkIn ?? '');
    const outTime = parseSheetTime(values.checkOut ?? '');
    const keepTimes = attends(values.status);
    try {
      const checkInAt =
        keepTimes && inTime.ok ? instantOf(target.day, inTime.value, record?.checkInAt) : undefined;
      const checkOutAt =
        keepTimes && outTime.ok ? instantOf(target.day, outTime.value, record?.checkOutAt) : undefined;
      await correctAttendance(ctx, {
        sessionId: target.sessionId,
        personId: target.personId,
        date: target.day.date,
        status: values.status,
        ...(checkInAt ? { checkInAt } : {}),
        ...(checkOutAt ? { checkOutAt } : {}),
        hoursCredited: keepTimes ? values.hours : 0,
        reason: values.reason,
        source: 'manual',
      });
      void message.success(t('correction.saved', { name: target.name }));
      props.onClose();
    } catch (error) {
      if (error instanceof ReasonRequiredError) {
        form.setFields([{ name: 'reason', errors: [t('correction.reasonRequired')] }]);
        return;
      }
      throw error;
    }
  };

  const timeRules = [
    {
      validator: (_: unknown, value: string | undefined) =>
        parseSheetTime(value ?? '').ok
          ? Promise.resolve()
          : Promise.reject(new Error(t('correction.timeInvalid'))),
    },
  ];

  return (
    <FormDrawer
      open={target !== null}
      title={
        target ? t('correction.title', { name: target.name, date: formatDate(target.day.date, locale) }) : ''
      }
      size="default"
      onClose={props.onClose}
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // The hours follow the rules whenever the status or a time changes; typed hours stay until then.
          if ('hours' in changed) return;
          window.setTimeout(() => {
            const current = form.getFieldsValue();
            const inTime = parseSheetTime(current.checkIn ?? '');
            const outTime = parseSheetTime(current.checkOut ?? '');
            if (!target || !settings || !current.status || !inTime.ok || !outTime.ok) return;
            try {
              const judged = judgeSheetRow(
                target.day,
                {
                  status: current.status,
                  ...(inTime.value && attends(current.status) ? { checkIn: inTime.value } : {}),
                  ...(outTime.value && attends(current.status) ? { checkOut: outTime.value } : {}),
                },
                settings,
              );
              form.setFieldValue('hours', judged.hoursCredited);
            } catch {
              // Check-out before check-in: the time fields say so; the hours wait for a valid pair.
            }
          });
        }}
      >
        {!record && current && (
          <Alert type="info" showIcon title={t('correction.noRecord')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="status" label={t('correction.status')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={STATUSES.map((s) => ({ value: s, label: t(ATTENDANCE_LABEL[s]) }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="checkIn" label={t('correction.checkIn')} rules={timeRules} style={{ flex: 1 }}>
            <Input placeholder={t('correction.timePlaceholder')} disabled={!attends(status)} maxLength={5} />
          </Form.Item>
          <Form.Item
            name="checkOut"
            label={t('correction.checkOut')}
            dependencies={['checkIn']}
            style={{ flex: 1 }}
            rules={[
              ...timeRules,
              ({ getFieldValue }) => ({
                validator: (_: unknown, value: string | undefined) => {
                  const a = parseSheetTime(String(getFieldValue('checkIn') ?? ''));
                  const b = parseSheetTime(value ?? '');
                  if (a.ok && b.ok && a.value && b.value && b.value <= a.value)
                    return Promise.reject(new Error(t('correction.outBeforeIn')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <Input placeholder={t('correction.timePlaceholder')} disabled={!attends(status)} maxLength={5} />
          </Form.Item>
        </div>
        <Form.Item
          name="hours"
          label={t('correction.hours')}
          rules={[{ required: true }]}
          extra={
            suggestion
              ? t('correction.hoursHelp', {
                  status: t(ATTENDANCE_LABEL[suggestion.status]),
                  hours: formatHours(suggestion.hoursCredited),
                  max: formatHours(maxHours),
                })
              : undefined
          }
        >
          <InputNumber
            min={0}
            max={maxHours}
            step={0.5}
            disabled={!attends(status)}
            addonAfter={t('common.classHours')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('correction.reason')}
          rules={[{ required: true, whitespace: true, message: t('correction.reasonRequired') }]}
        >
          <Input.TextArea rows={2} placeholder={t('correction.reasonPlaceholder')} maxLength={200} />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">{t('correction.history')}</Divider>
      {current && current.history.length === 0 ? (
        <Typography.Text type="secondary">{t('correction.noHistory')}</Typography.Text>
      ) : (
        <Timeline
          items={(current?.history ?? [])
            .slice()
            .reverse()
            .map((entry) => ({ key: entry.id, children: <HistoryEntry entry={entry} /> }))}
        />
      )}
    </FormDrawer>
  );
}

const ACTION_LABEL: Record<AuditEntry['action'], MessageKey> = {
  create: 'correction.actionCreate',
  update: 'correction.actionUpdate',
  delete: 'correction.actionDelete',
};

const FIELDS: Array<[string, MessageKey]> = [
  ['status', 'correction.fieldStatus'],
  ['checkInAt', 'correction.fieldCheckIn'],
  ['checkOutAt', 'correction.fieldCheckOut'],
  ['hoursCredited', 'correction.fieldHours'],
  ['source', 'correction.fieldSource'],
  ['note', 'correction.fieldNote'],
];

/** One audit entry in words: when, what kind of change, and each field before and after. */
function HistoryEntry(props: { entry: AuditEntry }) {
  const { t, locale } = useI18n();
  const { entry } = props;
  const show = (field: string, value: unknown): string => {
    if (typeof value !== 'string' && typeof value !== 'number') return t('correction.none');
    if (value === '') return t('correction.none');
    if (field === 'status') return t(ATTENDANCE_LABEL[value as AttendanceStatus]);
    if (field === 'source') return t(SOURCE_LABEL[value as keyof typeof SOURCE_LABEL]);
    if (field === 'checkInAt' || field === 'checkOutAt') return formatTime(String(value));
    if (field === 'hoursCredited') return `${formatHours(Number(value))} ${t('common.classHours')}`;
    return String(value);
  };
  const changes = entry.changes ?? {};
  const when = `${formatDate(localToday(new Date(entry.at)), locale)} ${formatTime(entry.at)}`;
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return (
    <div className="correction-entry">
      <Typography.Text strong>
        {when} · {t(ACTION_LABEL[entry.action])}
        {entry.operator ? ` · ${entry.operator}` : ''}
      </Typography.Text>
      <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>
        {FIELDS.filter(([field]) => field in changes).map(([field, label]) => {
          const change = changes[field]!;
          return (
            <li key={field}>
              {t(label)}
              {colon}
              {entry.action === 'create'
                ? show(field, change.after)
                : `${show(field, change.before)} → ${show(field, change.after)}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
