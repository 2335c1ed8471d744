import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { A4Pages } from '../print/A4Pages';
import './archive-print.css';

/**
 * The frame of an A4 portrait print view (archives, statistics, coverage, notices): the shared A4 pages and
 * toolbar, each page with the running head, `content`, the sign-off line and "page x of y".
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
  const { pages } = props;
  return (
    <A4Pages
      pages={
        pages &&
        pages.map((content, p) => (
          <>
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
          </>
        ))
      }
      pageClassName="archive-page"
      fileName={props.fileName}
      countText={t('print.count', { count: pages?.length ?? 0 })}
      loadingText={t('archivePrint.loadingFont')}
      toolbarExtra={props.toolbarExtra}
    />
  );
}
