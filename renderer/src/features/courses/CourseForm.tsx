import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { Course } from '../../db/records';
import type { CourseInput } from '../../db/courses-repo';
import { DEFAULT_HOUR_RULES, requiredHours, type Audience, type TrainingKind } from '../../domain/hour-rules';
import { FormDrawer } from '../../ui/FormDrawer';
import { useI18n } from '../../i18n/i18n';
import { AUDIENCE_LABEL, KIND_LABEL } from './labels';

interface Values {
  name: string;
  audience: Audience;
  kind: TrainingKind;
  hours: number;
  outline: string;
  validityMonths?: number | null;
}

export function CourseForm(props: {
  open: boolean;
  course?: Course;
  onClose: () => void;
  onSave: (input: CourseInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const audience = Form.useWatch('audience', form);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.course)
      form.setFieldsValue({ ...props.course, validityMonths: props.course.validityMonths ?? null });
  }, [props.open, props.course, form]);

  const legal =
    audience && kind ? requiredHours(DEFAULT_HOUR_RULES, { audience, kind, highRisk: false }) : null;
  const legalHighRisk =
    audience && kind ? requiredHours(DEFAULT_HOUR_RULES, { audience, kind, highRisk: true }) : null;

  const submit = async (values: Values) => {
    await props.onSave({
      name: values.name.trim(),
      audience: values.audience,
      kind: values.kind,
      hours: values.hours,
      outline: values.outline?.trim() ?? '',
      ...(values.validityMonths ? { validityMonths: values.validityMonths } : {}),
    });
  };

  return (
    <FormDrawer
      open={props.open}
      onClose={props.onClose}
      title={props.course ? t('courses.edit') : t('courses.new')}
      size="large"
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ audience: 'worker', kind: 'initial', hours: 4 }}
      >
        <Form.Item
          name="name"
          label={t('courses.name')}
          rules={[{ required: true, whitespace: true, message: t('courses.nameRequired') }]}
        >
          <Input autoFocus maxLength={80} />
        </Form.Item>
        <Form.Item name="audience" label={t('courses.audience')} rules={[{ required: true }]}>
          <Select
            aria-label={t('courses.audience')}
            options={(Object.keys(AUDIENCE_LABEL) as Audience[]).map((a) => ({
              value: a,
              label: t(AUDIENCE_LABEL[a]),
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('courses.kind')} rules={[{ required: true }]}>
          <Select
            aria-label={t('courses.kind')}
            options={(Object.keys(KIND_LABEL) as TrainingKind[]).map((k) => ({
              value: k,
              label: t(KIND_LABEL[k]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('courses.hours')}
          rules={[{ required: true, type: 'number', min: 0.5, max: 200, message: t('courses.hoursRange') }]}
          extra={
            legal !== null ? (
              <Typography.Text type="secondary">
                {t('courses.legalMinimum', { hours: legal, highRisk: legalHighRisk ?? legal })}
              </Typography.Text>
            ) : undefined
          }
        >
          <InputNumber
            min={0.5}
            max={200}
            step={0.5}
            style={{ width: 160 }}
            suffix={t('common.classHours')}
          />
        </Form.Item>
        <Form.Item name="outline" label={t('courses.outline')} extra={t('courses.outlineHint')}>
          <Input.TextArea rows={5} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="validityMonths"
          label={t('courses.validityMonths')}
          extra={t('courses.validityHint')}
        >
          <InputNumber min={1} max={120} style={{ width: 160 }} suffix={t('common.months')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
