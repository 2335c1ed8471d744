import { useEffect } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, TimePicker, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Course, Session } from '../../db/records';
import type { SessionInput } from '../../db/sessions-repo';
import { sessionTotalHours, validateSessionDays, type SessionDay } from '../../domain/session-days';
import { FormDrawer } from '../../ui/FormDrawer';
import { useI18n } from '../../i18n/i18n';
import { formatHours } from '../../ui/format';

interface DayValue {
  date?: Dayjs;
  times?: [Dayjs, Dayjs];
}

interface Values {
  courseId: string;
  title?: string;
  days: DayValue[];
  venue: string;
  instructor: string;
  capacity: number;
}

function toDays(values: DayValue[] | undefined): SessionDay[] {
  return (values ?? []).flatMap((d) =>
    d?.date && d.times
      ? [
          {
            date: d.date.format('YYYY-MM-DD'),
            start: d.times[0].format('HH:mm'),
            end: d.times[1].format('HH:mm'),
          },
        ]
      : [],
  );
}

export function SessionForm(props: {
  open: boolean;
  courses: Course[];
  session?: Session;
  minutesPerClassHour: number;
  onClose: () => void;
  onSave: (input: SessionInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const watchedDays = Form.useWatch('days', form);
  const courseId = Form.useWatch('courseId', form);
  const course = props.courses.find((c) => c.id === courseId);
  const days = toDays(watchedDays);
  const plannedHours = days.length ? sessionTotalHours(days, props.minutesPerClassHour) : 0;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    const s = props.session;
    if (s) {
      form.setFieldsValue({
        courseId: s.courseId,
        title: s.title ?? '',
        venue: s.venue,
        instructor: s.instructor,
        capacity: s.capacity,
        days: s.days.map((d) => ({
          date: dayjs(d.date),
          times: [dayjs(`${d.date}T${d.start}`), dayjs(`${d.date}T${d.end}`)],
        })),
      });
    }
  }, [props.open, props.session, form]);

  const submit = async (values: Values) => {
    await props.onSave({
      courseId: values.courseId,
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      days: toDays(values.days),
      venue: values.venue.trim(),
      instructor: values.instructor.trim(),
      capacity: values.capacity,
    });
  };

  const dayError = (index: number): string | undefined => {
    const result = validateSessionDays(days);
    if (result.ok || result.index !== index) return undefined;
    if (result.error === 'time-order') return t('sessions.timeOrder');
    if (result.error === 'duplicate-date') return t('sessions.duplicateDate');
    return undefined;
  };

  return (
    <FormDrawer
      open={props.open}
      onClose={props.onClose}
      title={props.session ? t('sessions.edit') : t('sessions.new')}
      size="large"
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ capacity: 50, days: [{}] }}
      >
        <Form.Item
          name="courseId"
          label={t('sessions.course')}
          rules={[{ required: true, message: t('sessions.courseRequired') }]}
        >
          <Select
            aria-label={t('sessions.course')}
            showSearch
            optionFilterProp="label"
            options={props.courses.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('sessions.noCourses')}
          />
        </Form.Item>
        <Form.Item name="title" label={t('sessions.title')} extra={t('sessions.titleHint')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.List
          name="days"
          rules={[
            {
              validator: (_, value: DayValue[] | undefined) => {
                if (toDays(value).length === 0) return Promise.reject(new Error(t('sessions.daysRequired')));
                if (!validateSessionDays(toDays(value)).ok)
                  return Promise.reject(new Error(t('sessions.daysInvalid')));
                return Promise.resolve();
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <Typography.Text strong>{t('sessions.days')}</Typography.Text>
              {fields.map((field, index) => {
                const error = dayError(index);
                return (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item
                      name={[field.name, 'date']}
                      rules={[{ required: true, message: t('sessions.dateRequired') }]}
                      validateStatus={error ? 'error' : undefined}
                      help={error}
                    >
                      <DatePicker aria-label={t('sessions.dayDate', { n: index + 1 })} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'times']}
                      rules={[{ required: true, message: t('sessions.timeRequired') }]}
                    >
                      <TimePicker.RangePicker
                        format="HH:mm"
                        minuteStep={5}
                        aria-label={t('sessions.dayTimes', { n: index + 1 })}
                        placeholder={[t('sessions.start'), t('sessions.end')]}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        aria-label={t('sessions.removeDay', { n: index + 1 })}
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Space>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Space style={{ marginBottom: 16 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('sessions.addDay')}
                </Button>
                {plannedHours > 0 && (
                  <Typography.Text type={course && plannedHours < course.hours ? 'warning' : 'secondary'}>
                    {t('sessions.plannedHours', { hours: formatHours(plannedHours) })}
                    {course && plannedHours < course.hours
                      ? ` ${t('sessions.belowCourseHours', { hours: formatHours(course.hours) })}`
                      : ''}
                  </Typography.Text>
                )}
              </Space>
            </>
          )}
        </Form.List>
        <Form.Item
          name="venue"
          label={t('sessions.venue')}
          rules={[{ required: true, whitespace: true, message: t('sessions.venueRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="instructor"
          label={t('sessions.instructor')}
          rules={[{ required: true, whitespace: true, message: t('sessions.instructorRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('sessions.capacity')}
          rules={[
            { required: true, type: 'number', min: 1, max: 5000, message: t('sessions.capacityRange') },
          ]}
        >
          <InputNumber min={1} max={5000} style={{ width: 160 }} suffix={t('common.persons')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
