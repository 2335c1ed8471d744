import { useEffect, useState } from 'react';
import { App, Button, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import QRCode from 'qrcode';
import { getCertificates } from '../../db/certificates-repo';
import type { Certificate } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { CertificateSheet } from '../../ui/CertificateSheet';
import { useServices } from '../shell/app-context';
import { usePrintFontReady } from '../print/use-print-font-ready';
import './print.css';

interface Prepared {
  certificate: Certificate;
  qrDataUrl: string;
}

/**
 * The print view: certificates exactly as they will be on paper, with a toolbar that is not printed. It marks
 * itself ready (data-print-ready) only once every glyph of the bundled font is loaded, so that a PDF made from it
 * never falls back to a system font.
 */
export function CertificatePrintPage() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [pages, setPages] = useState<Prepared[] | null>(null);
  const sessionId = params.get('session');
  const ids = params.get('ids');

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const certificates = sessionId
        ? (await ctx.db.certificates.where('sessionId').equals(sessionId).toArray()).filter(
            (c) => !c.deletedAt && c.status === 'valid',
          )
        : await getCertificates(ctx, (ids ?? '').split(',').filter(Boolean));
      certificates.sort((a, b) => a.number.localeCompare(b.number));
      const prepared = await Promise.all(
        certificates.map(async (certificate) => ({
          certificate,
          qrDataUrl: await QRCode.toDataURL(certificate.snapshot.verifyPayload, {
            errorCorrectionLevel: 'M',
            margin: 0,
            width: 256,
          }),
        })),
      );
      if (!cancelled) setPages(prepared);
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [ctx, sessionId, ids]);

  const ready = usePrintFontReady('.print-pages', pages);

  const suggestedName = () => {
    const first = pages?.[0]?.certificate.snapshot;
    if (!first) return '证书';
    return pages.length === 1
      ? `${first.number}-${first.personName}`
      : `证书-${first.courseName}-${pages.length}份`;
  };

  const savePdf = async () => {
    const outcome = await platform.savePdf({
      suggestedName: suggestedName(),
      pageSize: 'A4',
      landscape: true,
    });
    if (outcome.outcome === 'saved') void message.success(t('print.saved', { path: outcome.filePath }));
    if (outcome.outcome === 'failed') void message.error(t('print.failed'));
  };

  const print = async () => {
    const outcome = await platform.printPage({ pageSize: 'A4', landscape: true });
    if (outcome.outcome === 'failed') void message.error(t('print.failed'));
  };

  if (!pages) return <Spin size="large" fullscreen />;
  return (
    <div className="print-root" data-print-ready={ready ? 'true' : 'false'}>
      <div className="print-toolbar no-print" role="toolbar" aria-label={t('print.toolbar')}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('common.back')}
          </Button>
          <Typography.Text strong>{t('print.count', { count: pages.length })}</Typography.Text>
          {!ready && pages.length > 0 && (
            <Typography.Text type="secondary">{t('print.loadingFont')}</Typography.Text>
          )}
        </Space>
        <Space>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!ready || pages.length === 0}
            onClick={() => void savePdf()}
          >
            {t('print.savePdf')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!ready || pages.length === 0}
            onClick={() => void print()}
          >
            {t('print.print')}
          </Button>
        </Space>
      </div>
      {pages.length === 0 ? (
        <Result status="info" title={t('print.nothing')} />
      ) : (
        <div className="print-pages">
          {pages.map(({ certificate, qrDataUrl }) => (
            <CertificateSheet
              key={certificate.id}
              snapshot={certificate.snapshot}
              qrDataUrl={qrDataUrl}
              voided={certificate.status === 'voided'}
            />
          ))}
        </div>
      )}
    </div>
  );
}
