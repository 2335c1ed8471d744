import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Radio, Segmented, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { useLiveQuery } from '../../db/live';
import { getAppSettings, getDeviceSettings, updateDeviceCode } from '../../db/settings-repo';
import {
  getSealImages,
  getTemplateSettings,
  MAX_SEAL_BYTES,
  SealImageError,
  saveTemplateSettings,
  storeSealImage,
  type TemplateSettings,
} from '../../db/certificate-template-repo';
import {
  buildCertificateSnapshot,
  type CertificateKind,
  type CertificatePageSize,
} from '../../domain/certificate-snapshot';
import {
  formatCertificateNumber,
  isValidCertificatePrefix,
  isValidDeviceCode,
} from '../../domain/certificate-number';
import { useI18n } from '../../i18n/i18n';
import { CertificateSheet } from '../../ui/CertificateSheet';
import { localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';

interface Values {
  attendanceTitle: string;
  qualificationTitle: string;
  pageSize: CertificatePageSize;
  signatureLine: string;
  deviceCode: string;
}

const PREVIEW_WIDTH_PX = 660;
const MM_TO_PX = 96 / 25.4;
const PAGE_MM: Record<CertificatePageSize, { width: number; height: number }> = {
  A4: { width: 297, height: 210 },
  A5: { width: 210, height: 148 },
};

/**
 * Settings → 证书模板: titles per kind, paper size, signature line, the seal image and this machine's device code,
 * with a live preview on sample data. Saved values apply to certificates issued afterwards; issued ones keep the
 * template they were issued with (their snapshots name it, the seal by its hash).
 */
export function TemplateSettingsSection() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [sealHash, setSealHash] = useState<string | undefined>(undefined);
  const [previewKind, setPreviewKind] = useState<CertificateKind>('attendance');
  const [qrDataUrl, setQrDataUrl] = useState('');
  const data = useLiveQuery(async () => {
    const [settings, template, device] = await Promise.all([
      getAppSettings(ctx.db),
      getTemplateSettings(ctx.db),
      getDeviceSettings(ctx.db),
    ]);
    return { settings, template, device };
  }, [ctx]);
  const seals = useLiveQuery(
    () => (sealHash ? getSealImages(ctx.db, [sealHash]) : Promise.resolve(new Map())),
    [ctx, sealHash],
  );

  const loaded = data !== undefined;
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      attendanceTitle: data.template.titles.attendance,
      qualificationTitle: data.template.titles.qualification,
      pageSize: data.template.pageSize,
      signatureLine: data.template.signatureLine,
      deviceCode: data.device?.deviceCode ?? '',
    });
    setSealHash(data.template.sealHash);
    // Only when first loaded: later live updates must not overwrite what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, form]);

  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const sample = useMemo(() => {
    if (!data) return null;
    const prefix = isValidCertificatePrefix(data.settings.certificatePrefix)
      ? data.settings.certificatePrefix
      : 'AX';
    const deviceCode = watched?.deviceCode?.toUpperCase() ?? '';
    const today = localToday();
    const number = formatCertificateNumber({
      prefix,
      year: Number(today.slice(0, 4)),
      deviceCode: isValidDeviceCode(deviceCode) ? deviceCode : (data.device?.deviceCode ?? 'A1'),
      sequence: 1,
    });
    return buildCertificateSnapshot({
      kind: previewKind,
      number,
      verificationCode: 'K7M2Q9TX',
      person: { name: '张三', idNumber: '320402198506150663' },
      courseName: previewKind === 'attendance' ? '农民工安全生产知识培训' : '主要负责人安全生产管理能力培训',
      courseOutline: '安全生产法律法规\n事故隐患排查治理\n应急救援与自救互救',
      ...(previewKind === 'qualification'
        ? { validityMonths: 36, assessment: { passed: true, score: 88 } }
        : {}),
      hours: previewKind === 'attendance' ? 4 : 32,
      dates: [today],
      issuedOn: today,
      template: {
        issuingBody: data.settings.issuingBody || t('certTemplate.sampleIssuingBody'),
        titles: {
          attendance: watched?.attendanceTitle ?? '',
          qualification: watched?.qualificationTitle ?? '',
        },
        pageSize: watched?.pageSize ?? 'A4',
        signatureLine: watched?.signatureLine ?? '',
        ...(sealHash ? { sealHash } : {}),
      },
    });
  }, [data, watched, previewKind, sealHash, t]);

  useEffect(() => {
    if (!sample) return;
    void QRCode.toDataURL(sample.verifyPayload, { errorCorrectionLevel: 'M', margin: 0, width: 256 }).then(
      setQrDataUrl,
    );
  }, [sample]);

  const uploadSeal = async (file: File) => {
    try {
      const hash = await storeSealImage(ctx, new Uint8Array(await file.arrayBuffer()));
      setSealHash(hash);
    } catch (error) {
      if (error instanceof SealImageError) {
        void message.error(
          t(error.reason === 'not-png' ? 'certTemplate.sealNotPng' : 'certTemplate.sealTooLarge'),
        );
        return;
      }
      throw error;
    }
  };

  const save = async (values: Values) => {
    const template: TemplateSettings = {
      titles: { attendance: values.attendanceTitle.trim(), qualification: values.qualificationTitle.trim() },
      pageSize: values.pageSize,
      signatureLine: values.signatureLine.trim(),
      ...(sealHash ? { sealHash } : {}),
    };
    await saveTemplateSettings(ctx, template);
    const code = values.deviceCode.trim().toUpperCase();
    if (code !== data?.device?.deviceCode) await updateDeviceCode(ctx.db, code);
    void message.success(t('certTemplate.saved'));
  };

  const pageSize = watched?.pageSize ?? 'A4';
  const scale = PREVIEW_WIDTH_PX / (PAGE_MM[pageSize].width * MM_TO_PX);
  const sealDataUrl = sealHash
    ? (seals?.get(sealHash) as { dataUrl: string } | undefined)?.dataUrl
    : undefined;

  return (
    <Card title={t('certTemplate.title')}>
      <Typography.Paragraph type="secondary">{t('certTemplate.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Space wrap size="large" align="start">
          <Form.Item
            name="attendanceTitle"
            label={t('certTemplate.attendanceTitle')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={20} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="qualificationTitle"
            label={t('certTemplate.qualificationTitle')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={20} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="pageSize" label={t('certTemplate.pageSize')}>
          <Radio.Group
            options={[
              { value: 'A4', label: t('certTemplate.a4') },
              { value: 'A5', label: t('certTemplate.a5') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="signatureLine"
          label={t('certTemplate.signatureLine')}
          extra={t('certTemplate.signatureHint')}
        >
          <Input maxLength={40} placeholder={t('certTemplate.signaturePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('certTemplate.seal')}
          extra={t('certTemplate.sealHint', { kb: MAX_SEAL_BYTES / 1024 })}
        >
          <Space>
            <Upload
              accept="image/png"
              showUploadList={false}
              beforeUpload={(file) => {
                void uploadSeal(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>
                {t(sealHash ? 'certTemplate.sealReplace' : 'certTemplate.sealUpload')}
              </Button>
            </Upload>
            {sealHash && (
              <Button icon={<DeleteOutlined />} onClick={() => setSealHash(undefined)}>
                {t('certTemplate.sealRemove')}
              </Button>
            )}
            {sealDataUrl && (
              <img src={sealDataUrl} alt={t('certTemplate.sealCurrent')} style={{ height: 40 }} />
            )}
          </Space>
        </Form.Item>
        <Form.Item
          name="deviceCode"
          label={t('settings.deviceCode')}
          extra={t('certTemplate.deviceCodeHint')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                isValidDeviceCode((value ?? '').trim().toUpperCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('certTemplate.deviceCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={2} style={{ width: 100 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('certTemplate.save')}
        </Button>
      </Form>
      <div style={{ marginTop: 24 }}>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('certTemplate.preview')}</Typography.Text>
          <Segmented<CertificateKind>
            aria-label={t('certTemplate.previewKind')}
            value={previewKind}
            onChange={setPreviewKind}
            options={[
              { value: 'attendance', label: t('certTemplate.kindAttendance') },
              { value: 'qualification', label: t('certTemplate.kindQualification') },
            ]}
          />
        </Space>
        {sample && (
          <div
            role="img"
            aria-label={t('certTemplate.preview')}
            style={{
              width: PREVIEW_WIDTH_PX,
              height: PAGE_MM[pageSize].height * MM_TO_PX * scale,
              overflow: 'hidden',
              border: '1px solid #d9d9d9',
            }}
          >
            <div style={{ transform: `scale(${scale})`, transformOrigin: 'top left' }}>
              <CertificateSheet
                snapshot={sample}
                qrDataUrl={qrDataUrl}
                {...(sealDataUrl ? { sealDataUrl } : {})}
              />
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
