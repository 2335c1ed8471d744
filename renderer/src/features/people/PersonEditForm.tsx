import { useEffect } from 'react';
import { AutoComplete, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Enterprise, Person, PersonRole } from '../../db/records';
import { findPersonByIdNumber, type PersonFields } from '../../db/people-repo';
import { ageOn } from '../../domain/age';
import {
  ID_DOCUMENT_TYPES,
  parsePersonId,
  residentIdHolder,
  type IdDocumentType,
} from '../../domain/id-document';
import { FormDrawer } from '../../ui/FormDrawer';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { idErrorMessage } from './id-messages';
import { HOLDER_LABEL, ID_TYPE_LABEL, ROLE_LABEL } from './labels';

interface Values {
  name: string;
  idType: IdDocumentType;
  idNumber: string;
  birthDate?: Dayjs | null;
  gender?: 'M' | 'F';
  phone?: string;
  enterpriseId?: string;
  role: PersonRole;
  trade?: string;
}

const TRADES = [
  '普工',
  '电工',
  '电焊工',
  '钢筋工',
  '木工',
  '架子工',
  '混凝土工',
  '叉车司机',
  '起重工',
  '质检员',
];
// Mobile numbers and landlines with an area code, as people write them (spaces and hyphens allowed).
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;

/**
 * Registers or edits a person. The document number is checked as it is typed, for its type (resident IDs by their
 * check character, passports by their shape), and against the register: a number another person has is named.
 */
export function PersonEditForm(props: {
  open: boolean;
  person?: Person;
  enterprises: Enterprise[];
  /** Preselected employer for a new person (from an enterprise's page). */
  enterpriseId?: string;
  onClose: () => void;
  onSave: (fields: PersonFields) => Promise<void>;
}) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const [form] = Form.useForm<Values>();
  const idType = Form.useWatch('idType', form) ?? 'resident-id';
  const idNumber = Form.useWatch('idNumber', form);
  const parsed = idNumber ? parsePersonId(idType, idNumber, { today: localToday() }) : null;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    const p = props.person;
    form.setFieldsValue(
      p
        ? {
            ...p,
            birthDate: p.birthDate ? dayjs(p.birthDate) : null,
          }
        : {
            idType: 'resident-id',
            role: 'worker',
            ...(props.enterpriseId ? { enterpriseId: props.enterpriseId } : {}),
          },
    );
  }, [props.open, props.person, props.enterpriseId, form]);

  const submit = async (values: Values) => {
    await props.onSave({
      name: values.name,
      idType: values.idType,
      idNumber: values.idNumber,
      role: values.role,
      ...(values.birthDate ? { birthDate: values.birthDate.format('YYYY-MM-DD') } : {}),
      ...(values.gender ? { gender: values.gender } : {}),
      ...(values.phone ? { phone: values.phone } : {}),
      ...(values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      ...(values.trade ? { trade: values.trade } : {}),
    });
  };

  const checkIdNumber = async (value: string | undefined) => {
    const result = parsePersonId(form.getFieldValue('idType') as IdDocumentType, value ?? '', {
      today: localToday(),
    });
    if (!result.ok) throw new Error(t(idErrorMessage(result.idType, result.error)));
    const holder = await findPersonByIdNumber(ctx, result.id);
    if (holder && holder.id !== props.person?.id) {
      const enterprise = props.enterprises.find((e) => e.id === holder.enterpriseId)?.name;
      throw new Error(
        t('people.idTaken', { name: enterprise ? `${holder.name}（${enterprise}）` : holder.name }),
      );
    }
  };

  const fromId = parsed?.ok && parsed.idType === 'resident-id' ? parsed : null;

  return (
    <FormDrawer
      open={props.open}
      onClose={props.onClose}
      title={props.person ? t('people.edit') : t('people.new')}
      size="large"
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
        <Form.Item name="idType" label={t('people.idType')} rules={[{ required: true }]}>
          <Select
            aria-label={t('people.idType')}
            onChange={() => void form.validateFields(['idNumber']).catch(() => undefined)}
            options={ID_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(ID_TYPE_LABEL[type]) }))}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={idType === 'resident-id' ? t('people.idNumber') : t('people.documentNumber')}
          required
          validateTrigger={['onChange', 'onBlur']}
          rules={[{ validator: (_, value: string | undefined) => checkIdNumber(value) }]}
          extra={
            fromId ? (
              <Typography.Text type="secondary">
                {t('people.fromIdFull', {
                  kind: t(HOLDER_LABEL[residentIdHolder(fromId.id)]),
                  birthDate: fromId.birthDate ?? '',
                  gender: t(fromId.gender === 'M' ? 'people.male' : 'people.female'),
                  age: ageOn(fromId.birthDate, localToday()) ?? '',
                })}
              </Typography.Text>
            ) : idType !== 'resident-id' ? (
              t('people.otherIdHint')
            ) : undefined
          }
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        {idType !== 'resident-id' && (
          <Space size="large" wrap align="start">
            <Form.Item name="birthDate" label={t('people.birthDate')}>
              <DatePicker
                aria-label={t('people.birthDate')}
                disabledDate={(d) => d.isAfter(dayjs())}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item name="gender" label={t('people.gender')}>
              <Select
                aria-label={t('people.gender')}
                allowClear
                style={{ width: 120 }}
                options={[
                  { value: 'M', label: t('people.male') },
                  { value: 'F', label: t('people.female') },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="phone"
          label={t('people.phone')}
          normalize={(v: string | undefined) => v?.replace(/[\s-]/g, '')}
          rules={[{ pattern: PHONE, message: t('people.phoneInvalid') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('people.enterprise')}>
          <Select
            aria-label={t('people.enterprise')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.enterprisePick')}
            options={props.enterprises.map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="role" label={t('people.role')} rules={[{ required: true }]}>
            <Select
              aria-label={t('people.role')}
              style={{ width: 200 }}
              options={(Object.keys(ROLE_LABEL) as PersonRole[]).map((r) => ({
                value: r,
                label: t(ROLE_LABEL[r]),
              }))}
            />
          </Form.Item>
          <Form.Item name="trade" label={t('people.trade')}>
            <AutoComplete
              aria-label={t('people.trade')}
              style={{ width: 200 }}
              options={TRADES.map((value) => ({ value }))}
              filterOption={(input, option) => (option?.value ?? '').includes(input)}
            />
          </Form.Item>
        </Space>
      </Form>
    </FormDrawer>
  );
}
