import { useEffect, useState } from 'react';
import { App, Button, Progress, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FileZipOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import QRCode from 'qrcode';
import { getCertificates } from '../../db/certificates-repo';
import { getSealImages } from '../../db/certificate-template-repo';
import type { Certificate } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { CertificateSheet } from '../../ui/CertificateSheet';
import { useServices } from '../shell/app-context';
import { usePrintFontReady } from '../print/use-print-font-ready';
import './print.css';

interface Prepared {
  certificate: Certificate;
  qrDataUrl: string;
  sealDataUrl?: string;
}

/** Pages prepared per step: small enough that the screen stays responsive while 500 certificates are built. */
const CHUNK = 20;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The print view: certificates exactly as they will be on paper, with a toolbar that is not printed. Pages are
 * built in chunks with a progress bar, so a batch of hundreds never freezes the window. It marks itself ready
 * (data-print-ready) only once every page is there and every glyph of the bundled font is loaded, so that a PDF
 * made from it never falls back to a system font.
 */
export function CertificatePrintPage() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Prepared[]>([]);
  const [complete, setComplete] = useState(false);
  const [zipping, setZipping] = useState(false);
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
      const seals = await getSealImages(
        ctx.db,
        certificates.flatMap((c) => (c.snapshot.sealHash ? [c.snapshot.sealHash] : [])),
      );
      if (cancelled) return;
      setTotal(certificates.length);
      setPages([]);
      setComplete(false);
      for (let start = 0; start < certificates.length; start += CHUNK) {
        const chunk = await Promise.all(
          certificates.slice(start, start + CHUNK).map(async (certificate): Promise<Prepared> => {
            const seal = certificate.snapshot.sealHash ? seals.get(certificate.snapshot.sealHash) : undefined;
            return {
              certificate,
              qrDataUrl: await QRCode.toDataURL(certificate.snapshot.verifyPayload, {
                errorCorrectionLevel: 'M',
                margin: 0,
                width: 256,
              }),
              ...(seal ? { sealDataUrl: seal.dataUrl } : {}),
            };
          }),
        );
        if (cancelled) return;
        setPages((done) => [...done, ...chunk]);
        await nextFrame();
      }
      if (!cancelled) setComplete(true);
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [ctx, sessionId, ids]);

  const ready = usePrintFontReady('.print-pages', complete ? pages : null);
  const pageSize = pages[0]?.certificate.snapshot.pageSize ?? 'A4';

  const suggestedName = () => {
    const first = pages[0]?.certificate.snapshot;
    if (!first) return '证书';
    return pages.length === 1
      ? `${first.number}-${first.personName}`
      : `证书-${first.courseName}-${pages.length}份`;
  };

  const savePdf = async () => {
    const outcome = await platform.savePdf({ suggestedName: suggestedName(), pageSize, landscape: true });
    if (outcome.outcome === 'saved') void message.success(t('print.saved', { path: outcome.filePath }));
    if (outcome.outcome === 'failed') void message.error(t('print.failed'));
  };

  // A ZIP of single PDFs needs the batch PDF's bytes, which only the desktop app can make (printToPDF); a browser
  // page cannot render itself to PDF. The splitting itself is certificate-zip.ts, tested in Chromium.
  const exportZip = async () => {
    const zipSupport = platform.certificateZip;
    if (!zipSupport) {
      void message.info(t('certPrint.zipNeedsDesktop'));
      return;
    }
    setZipping(true);
    try {
      // Rendered first, before any toast, so that the PDF is the pages as they are on screen.
      const pdf = await zipSupport.renderPdf({ pageSize, landscape: true });
      // Loaded on demand: pdf-lib is large and only needed for this export.
      const { certificateFileNames, splitPdfToZip } = await import('./certificate-zip');
      const names = certificateFileNames(
        pages.map(({ certificate }) => ({
          number: certificate.snapshot.number,
          name: certificate.snapshot.personName,
        })),
      );
      const zip = await splitPdfToZip(pdf, names);
      const outcome = await zipSupport.saveZip(suggestedName(), zip);
      if (outcome.outcome === 'saved')
        void message.success(t('certPrint.zipSaved', { path: outcome.filePath }));
      if (outcome.outcome === 'failed') void message.error(t('certPrint.zipFailed'));
    } catch (error) {
      console.error('certificate ZIP failed', error);
      void message.error(t('certPrint.zipFailed'));
    } finally {
      setZipping(false);
    }
  };

  const print = async () => {
    const outcome = await platform.printPage({ pageSize, landscape: true });
    if (outcome.outcome === 'failed') void message.error(t('print.failed'));
  };

  if (total === null) return <Spin size="large" fullscreen />;
  const canOutput = ready && complete && pages.length > 0;
  return (
    <div className="print-root" data-print-ready={canOutput ? 'true' : 'false'}>
      <div className="print-toolbar no-print" role="toolbar" aria-label={t('print.toolbar')}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('common.back')}
          </Button>
          <Typography.Text strong>{t('print.count', { count: total })}</Typography.Text>
          {!complete && (
            <Progress
              aria-label={t('certPrint.preparing')}
              percent={Math.floor((pages.length / Math.max(total, 1)) * 100)}
              size="small"
              style={{ width: 200, margin: 0 }}
              format={() => t('certPrint.progress', { done: pages.length, total })}
            />
          )}
          {complete && !ready && pages.length > 0 && (
            <Typography.Text type="secondary">{t('print.loadingFont')}</Typography.Text>
          )}
        </Space>
        <Space>
          <Button
            icon={<FileZipOutlined />}
            disabled={!canOutput}
            loading={zipping}
            onClick={() => void exportZip()}
          >
            {t('certPrint.zip')}
          </Button>
          <Button icon={<FilePdfOutlined />} disabled={!canOutput} onClick={() => void savePdf()}>
            {t('print.savePdf')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!canOutput}
            onClick={() => void print()}
          >
            {t('print.print')}
          </Button>
        </Space>
      </div>
      {total === 0 ? (
        <Result status="info" title={t('print.nothing')} />
      ) : (
        <div className="print-pages">
          {pages.map(({ certificate, qrDataUrl, sealDataUrl }) => (
            <CertificateSheet
              key={certificate.id}
              snapshot={certificate.snapshot}
              qrDataUrl={qrDataUrl}
              {...(sealDataUrl ? { sealDataUrl } : {})}
              voided={certificate.status === 'voided'}
            />
          ))}
        </div>
      )}
    </div>
  );
}
