import { useEffect } from 'react';
import { AutoComplete, Form, Input, Typography } from 'antd';
import type { PersonInput } from '../../db/people-repo';
import { parseResidentId } from '../../domain/resident-id';
import { FormDrawer } from '../../ui/FormDrawer';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { ID_ERROR_MESSAGE } from './id-messages';

interface Values {
  name: string;
  idNumber: string;
  phone?: string;
  enterpriseName?: string;
}

/** Adds a trainee: the ID number is checked as it is typed, and birth date and gender are read from it. */
export function PersonForm(props: {
  open: boolean;
  title: string;
  enterpriseNames: string[];
  initialIdNumber?: string;
  onClose: () => void;
  /** After the drawer has closed and handed focus back: where the keyboard should be next. */
  onAfterClose?: () => void;
  onSave: (input: PersonInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const idNumber = Form.useWatch('idNumber', form);
  const parsed = idNumber ? parseResidentId(idNumber, { today: localToday() }) : null;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.initialIdNumber) form.setFieldsValue({ idNumber: props.initialIdNumber });
  }, [props.open, props.initialIdNumber, form]);

  const submit = async (values: Values) => {
    await props.onSave({
      name: values.name,
      idNumber: values.idNumber,
      ...(values.phone ? { phone: values.phone } : {}),
      ...(values.enterpriseName ? { enterpriseName: values.enterpriseName } : {}),
    });
  };

  return (
    <FormDrawer
      open={props.open}
      onClose={props.onClose}
      afterOpenChange={(open) => {
        if (!open) props.onAfterClose?.();
      }}
      title={props.title}
      size="default"
      onSubmit={() => form.submit()}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}
        >
          <Input autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('people.idNumber')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const result = parseResidentId(value ?? '', { today: localToday() });
                return result.ok
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(ID_ERROR_MESSAGE[result.error])));
              },
            },
          ]}
          extra={
            parsed?.ok ? (
              <Typography.Text type="secondary">
                {t('people.fromId', {
                  birthDate: parsed.birthDate,
                  gender: t(parsed.gender === 'M' ? 'people.male' : 'people.female'),
                })}
              </Typography.Text>
            ) : undefined
          }
        >
          <Input maxLength={24} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          rules={[{ pattern: /^[\d\s+-]{7,20}$/, message: t('people.phoneInvalid') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="enterpriseName" label={t('people.enterprise')} extra={t('people.enterpriseHint')}>
          <AutoComplete
            aria-label={t('people.enterprise')}
            options={props.enterpriseNames.map((n) => ({ value: n }))}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
