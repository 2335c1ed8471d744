import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { usePrintFontReady } from '../print/use-print-font-ready';
import { A4PrintToolbar } from '../print/A4PrintToolbar';
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
  const ready = usePrintFontReady('.archive-pages', props.pages);

  if (!props.pages) return <Spin size="large" fullscreen />;
  const { pages } = props;

  return (
    <div className="print-root" data-print-ready={ready ? 'true' : 'false'}>
      <A4PrintToolbar
        fileName={props.fileName}
        countText={t('print.count', { count: pages.length })}
        ready={ready}
        loadingText={t('archivePrint.loadingFont')}
        extra={props.toolbarExtra}
      />
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
