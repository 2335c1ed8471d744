import type { ReactNode } from 'react';
import { App, Button, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { usePrintFontReady } from '../print/use-print-font-ready';
import '../certificates/print.css';
import './archive-print.css';

/**
 * The frame of an A4 portrait print view (archives, notices): a toolbar to go back, save as PDF or print, enabled
 * once the bundled font has loaded (data-print-ready), and the pages, each with the running head, `content`,
 * the sign-off line and "page x of y".
 */
export function PrintFrame(props: {
  /** Null while loading. */
  pages: ReactNode[] | null;
  bureau: string;
  documentTitle: string;
  fileName: string;
  toolbarExtra?: ReactNode;
  /** Whether to print 制表人 / 审核人 / 日期 at the foot (the archives) or not (notices carry their own sign-off). */
  signLines?: boolean;
}) {
  const { t } = useI18n();
  const { platform } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const ready = usePrintFontReady('.archive-pages', props.pages);

  if (!props.pages) return <Spin size="large" fullscreen />;
  const { pages } = props;

  const savePdf = async () => {
    const outcome = await platform.savePdf({
      suggestedName: props.fileName,
      pageSize: 'A4',
      landscape: false,
    });
    if (outcome.outcome === 'saved') void message.success(t('print.saved', { path: outcome.filePath }));
    if (outcome.outcome === 'failed') void message.error(t('print.failed'));
  };
  const print = async () => {
    const outcome = await platform.printPage({ pageSize: 'A4', landscape: false });
    if (outcome.outcome === 'failed') void message.error(t('print.failed'));
  };

  return (
    <div className="print-root" data-print-ready={ready ? 'true' : 'false'}>
      <div className="print-toolbar no-print" role="toolbar" aria-label={t('print.toolbar')}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('common.back')}
          </Button>
          <Typography.Text strong>{t('print.count', { count: pages.length })}</Typography.Text>
          {!ready && <Typography.Text type="secondary">{t('archivePrint.loadingFont')}</Typography.Text>}
          {props.toolbarExtra}
        </Space>
        <Space>
          <Button icon={<FilePdfOutlined />} disabled={!ready} onClick={() => void savePdf()}>
            {t('print.savePdf')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => void print()}>
            {t('print.print')}
          </Button>
        </Space>
      </div>
      <div className="archive-pages print-pages">
        {pages.map((content, p) => (
          <section
            className="archive-page"
            key={p}
            aria-label={t('sheet.pageOf', { page: p + 1, pages: pages.length })}
          >
            <div className="archive-running-head">
              <span>{props.bureau}</span>
              <span>{props.documentTitle}</span>
            </div>
            {content}
            <footer className="archive-foot">
              {props.signLines !== false ? (
                <>
                  <div>{t('sheet.preparer')}</div>
                  <div>{t('sheet.reviewer')}</div>
                  <div>{t('sheet.footDate')}</div>
                </>
              ) : (
                <div style={{ gridColumn: 'span 3' }} />
              )}
              <div className="archive-page-no">{t('sheet.pageOf', { page: p + 1, pages: pages.length })}</div>
            </footer>
          </section>
        ))}
      </div>
    </div>
  );
}
