import { useEffect } from 'react';
import { AutoComplete, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import type { Enterprise, Person } from '../../db/records';
import type { EnterpriseInput } from '../../db/enterprises-repo';
import { parseCreditCode } from '../../domain/credit-code';
import { INDUSTRIES } from '../../domain/hour-rules';
import { FormDrawer } from '../../ui/FormDrawer';
import { useI18n } from '../../i18n/i18n';
import { PersonPicker } from '../people/PersonPicker';
import { CREDIT_CODE_ERROR_MESSAGE } from './labels';
import { IndustryName } from './IndustryTag';

interface Values {
  name: string;
  creditCode: string;
  town?: string;
  industry?: string;
  aboveDesignatedSize?: boolean;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  principalId?: string;
  safetyOfficerIds?: string[];
}

/**
 * Registers or edits an enterprise. The credit code is checked as it is typed and each way it can be wrong has
 * its own message; the principal and safety officers are picked from the register of people.
 */
export function EnterpriseForm(props: {
  open: boolean;
  enterprise?: Enterprise;
  towns: string[];
  /** People of the enterprise, offered first for principal and safety officers. */
  staff?: Person[];
  onClose: () => void;
  onSave: (input: EnterpriseInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.enterprise)
      form.setFieldsValue({ ...props.enterprise, creditCode: props.enterprise.creditCode ?? '' });
  }, [props.open, props.enterprise, form]);

  const submit = async (values: Values) => {
    await props.onSave({
      name: values.name,
      creditCode: values.creditCode,
      aboveDesignatedSize: values.aboveDesignatedSize ?? false,
      ...(values.town ? { town: values.town.trim() } : {}),
      ...(values.industry ? { industry: values.industry } : {}),
      ...(values.contactName ? { contactName: values.contactName.trim() } : {}),
      ...(values.contactPhone ? { contactPhone: values.contactPhone.trim() } : {}),
      ...(values.address ? { address: values.address.trim() } : {}),
      ...(values.principalId ? { principalId: values.principalId } : {}),
      ...(values.safetyOfficerIds?.length ? { safetyOfficerIds: values.safetyOfficerIds } : {}),
    });
  };

  const staff = props.staff ?? [];
  const managersFirst = [...staff].sort((a, b) => Number(a.role === 'worker') - Number(b.role === 'worker'));

  return (
    <FormDrawer
      open={props.open}
      onClose={props.onClose}
      title={props.enterprise ? t('enterprises.edit') : t('enterprises.new')}
      size="large"
      onSubmit={() => form.submit()}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('enterprises.name')}
          rules={[{ required: true, whitespace: true, message: t('enterprises.nameRequired') }]}
        >
          <Input autoFocus maxLength={80} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('enterprises.creditCode')}
          required
          extra={t('enterprises.creditCodeHint')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const result = parseCreditCode(value ?? '');
                return result.ok
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(CREDIT_CODE_ERROR_MESSAGE[result.error])));
              },
            },
          ]}
        >
          <Input maxLength={30} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="town" label={t('enterprises.town')}>
            <AutoComplete
              aria-label={t('enterprises.town')}
              style={{ width: 220 }}
              options={props.towns.map((value) => ({ value }))}
              filterOption={(input, option) => (option?.value ?? '').includes(input)}
            />
          </Form.Item>
          <Form.Item name="industry" label={t('enterprises.industry')} extra={t('enterprises.industryHint')}>
            <Select
              aria-label={t('enterprises.industry')}
              allowClear
              style={{ width: 260 }}
              options={INDUSTRIES.map((i) => ({ value: i.code, label: <IndustryName code={i.code} /> }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="aboveDesignatedSize" valuePropName="checked">
          <Checkbox>{t('enterprises.aboveSizeLong')}</Checkbox>
        </Form.Item>
        <Form.Item name="principalId" label={t('enterprises.principal')}>
          <PersonPicker ariaLabel={t('enterprises.principal')} suggested={managersFirst} />
        </Form.Item>
        <Form.Item name="safetyOfficerIds" label={t('enterprises.safetyOfficers')}>
          <PersonPicker ariaLabel={t('enterprises.safetyOfficers')} multiple suggested={managersFirst} />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="contactName" label={t('enterprises.contactName')}>
            <Input maxLength={20} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('enterprises.contactPhone')}
            rules={[{ pattern: /^[\d\s+-]{7,20}$/, message: t('people.phoneInvalid') }]}
          >
            <Input maxLength={20} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('enterprises.address')}>
          <Input maxLength={120} />
        </Form.Item>
        <Typography.Text type="secondary">{t('enterprises.peopleHint')}</Typography.Text>
      </Form>
    </FormDrawer>
  );
}
