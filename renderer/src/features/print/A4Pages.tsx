import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { usePrintFontReady } from './use-print-font-ready';
import { A4PrintToolbar } from './A4PrintToolbar';
import '../certificates/print.css';
import './a4-pages.css';

/**
 * What every A4 portrait print view shares (sign-in sheets, archives, statistics, coverage, notices): the toolbar,
 * enabled once the bundled font has loaded (which also marks the view data-print-ready for the PDF), and the
 * pages as A4 sheets, each labelled "page x of y". What stands on a page, head and foot included, is the view's:
 * the sign-in sheet repeats its title block and a foot with the seal, the archives a running head and sign-off.
 */
export function A4Pages(props: {
  /** The content of each page; null while loading. */
  pages: ReactNode[] | null;
  /** The view's own class on each page (its type sizes and the like). */
  pageClassName: string;
  /** Suggested PDF file name, without extension. */
  fileName: string;
  /** "N pages", in the view's own words. */
  countText: string;
  loadingText: string;
  toolbarExtra?: ReactNode;
}) {
  const { t } = useI18n();
  const { pages } = props;
  const ready = usePrintFontReady('.a4-pages', pages);

  if (!pages) return <Spin size="large" fullscreen />;
  return (
    <div className="print-root" data-print-ready={ready ? 'true' : 'false'}>
      <A4PrintToolbar
        fileName={props.fileName}
        countText={props.countText}
        ready={ready}
        loadingText={props.loadingText}
        extra={props.toolbarExtra}
      />
      <div className="a4-pages print-pages">
        {pages.map((content, p) => (
          <section
            className={`a4-page ${props.pageClassName}`}
            key={p}
            aria-label={t('sheet.pageOf', { page: p + 1, pages: pages.length })}
          >
            {content}
          </section>
        ))}
      </div>
    </div>
  );
}
