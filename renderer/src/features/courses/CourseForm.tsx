import { Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import type { Course } from '../../db/records';
import type { CourseInput } from '../../db/courses-repo';
import { useLiveQuery } from '../../db/live';
import { getAppSettings } from '../../db/settings-repo';
import { MAX_ASSESSMENT_SCORE } from '../../domain/assessment';
import { DEFAULT_HOUR_RULES, requiredHours, type Audience, type TrainingKind } from '../../domain/hour-rules';
import { useServices } from '../shell/app-context';
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
  assessmentRequired?: boolean;
  passScore?: number | null;
}

export function CourseForm(props: {
  open: boolean;
  course?: Course;
  onClose: () => void;
  onSave: (input: CourseInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const [form] = Form.useForm<Values>();
  const audience = Form.useWatch('audience', form);
  const kind = Form.useWatch('kind', form);
  const assessmentRequired = Form.useWatch('assessmentRequired', form);
  // The hints follow the hour table as the coordinator keeps it in settings, not the statutory defaults.
  const hourRules =
    useLiveQuery(async () => (await getAppSettings(ctx.db)).hourRules, [ctx]) ?? DEFAULT_HOUR_RULES;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.course)
      form.setFieldsValue({
        ...props.course,
        validityMonths: props.course.validityMonths ?? null,
        assessmentRequired: props.course.assessmentRequired ?? false,
        passScore: props.course.passScore ?? null,
      });
  }, [props.open, props.course, form]);

  const legal = audience && kind ? requiredHours(hourRules, { audience, kind, highRisk: false }) : null;
  const legalHighRisk =
    audience && kind ? requiredHours(hourRules, { audience, kind, highRisk: true }) : null;
  const legalHint =
    legal !== null
      ? t('courses.legalMinimum', { hours: legal, highRisk: legalHighRisk ?? legal })
      : legalHighRisk !== null
        ? t('courses.legalMinimumHighRiskOnly', { highRisk: legalHighRisk })
        : null;

  const submit = async (values: Values) => {
    await props.onSave({
      name: values.name.trim(),
      audience: values.audience,
      kind: values.kind,
      hours: values.hours,
      outline: values.outline?.trim() ?? '',
      // Cleared fields are saved as undefined (not left out), so that an edit removes a value set before.
      validityMonths: values.validityMonths ?? undefined,
      assessmentRequired: values.assessmentRequired === true,
      passScore: values.passScore ?? undefined,
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
        initialValues={{ audience: 'worker', kind: 'initial', hours: 4, assessmentRequired: false }}
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
            legalHint !== null ? <Typography.Text type="secondary">{legalHint}</Typography.Text> : undefined
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
        <Form.Item
          name="assessmentRequired"
          label={t('courses.assessmentRequired')}
          extra={t('courses.assessmentRequiredHint')}
          valuePropName="checked"
        >
          <Switch aria-label={t('courses.assessmentRequired')} />
        </Form.Item>
        <Form.Item
          name="passScore"
          label={t('courses.passScore')}
          extra={t(assessmentRequired ? 'courses.passScoreHint' : 'courses.passScoreOptionalHint')}
        >
          <InputNumber
            aria-label={t('courses.passScore')}
            min={0}
            max={MAX_ASSESSMENT_SCORE}
            style={{ width: 160 }}
            suffix={t('courses.points')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
