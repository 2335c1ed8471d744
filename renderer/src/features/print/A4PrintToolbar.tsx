import type { ReactNode } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';

/**
 * The toolbar of an A4 portrait print view (sign-in sheets, archives, statistics, notices): back, the page count,
 * save as PDF and print, enabled once the bundled font has loaded. Hidden on paper (no-print).
 */
export function A4PrintToolbar(props: {
  /** Suggested PDF file name, without extension. */
  fileName: string;
  /** "N pages", in the view's own words. */
  countText: string;
  /** The bundled font has loaded: saving or printing earlier would use a fallback font. */
  ready: boolean;
  loadingText: string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const { platform } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();

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
    <div className="print-toolbar no-print" role="toolbar" aria-label={t('print.toolbar')}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('common.back')}
        </Button>
        <Typography.Text strong>{props.countText}</Typography.Text>
        {!props.ready && <Typography.Text type="secondary">{props.loadingText}</Typography.Text>}
        {props.extra}
      </Space>
      <Space>
        <Button icon={<FilePdfOutlined />} disabled={!props.ready} onClick={() => void savePdf()}>
          {t('print.savePdf')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!props.ready}
          onClick={() => void print()}
        >
          {t('print.print')}
        </Button>
      </Space>
    </div>
  );
}
