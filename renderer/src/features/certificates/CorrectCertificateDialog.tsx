import { App, Form, Input, Modal, Typography } from 'antd';
import { CertificateStateError, reissueCertificate, voidCertificate } from '../../db/certificates-repo';
import type { Certificate } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';

export type Correction = 'void' | 'reissue';

/**
 * Asks for the reason (required, kept with the record and in the audit log) before voiding a certificate or
 * re-issuing it: a re-issue gives a new certificate with a new number from today's data and template and voids
 * this one, each naming the other.
 */
export function CorrectCertificateDialog(props: {
  certificate: Certificate | null;
  action: Correction;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { certificate, action } = props;

  const submit = async ({ reason }: { reason: string }) => {
    if (!certificate) return;
    try {
      if (action === 'void') {
        await voidCertificate(ctx, certificate.id, reason);
        void message.success(t('certList.voidedMessage', { number: certificate.number }));
      } else {
        const { replacement } = await reissueCertificate(ctx, certificate.id, reason);
        void message.success(
          t('certList.reissuedMessage', { old: certificate.number, number: replacement.number }),
        );
      }
      form.resetFields();
      props.onClose();
    } catch (error) {
      if (error instanceof CertificateStateError) {
        void message.error(t('certList.alreadyVoided'));
        props.onClose();
        return;
      }
      throw error;
    }
  };

  return (
    <Modal
      open={certificate !== null}
      title={t(action === 'void' ? 'certList.voidTitle' : 'certList.reissueTitle', {
        number: certificate?.number ?? '',
      })}
      okText={t(action === 'void' ? 'certList.void' : 'certList.reissue')}
      okButtonProps={{ danger: action === 'void' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        props.onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t(action === 'void' ? 'certList.voidExplain' : 'certList.reissueExplain', {
          name: certificate?.snapshot.personName ?? '',
        })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('certList.reason')}
          rules={[{ required: true, whitespace: true, message: t('certList.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
