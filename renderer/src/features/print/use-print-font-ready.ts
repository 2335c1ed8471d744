import { useEffect, useState } from 'react';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';

/**
 * True once every glyph of the bundled Noto Serif SC that the printed pages use is loaded. The font's subsets load
 * per unicode range when text needs them, so a PDF made before that could fall back to a system font: print views
 * mark themselves ready (data-print-ready) only after this.
 * @param selector the element holding the printed pages
 * @param content changes when the pages change (null while they are loading)
 */
export function usePrintFontReady(selector: string, content: unknown): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (content === null || content === undefined) return;
    let cancelled = false;
    const text = document.querySelector(selector)?.textContent ?? '';
    void Promise.all([
      document.fonts.load('400 16px "Noto Serif SC"', text),
      document.fonts.load('700 16px "Noto Serif SC"', text),
    ])
      .then(() => document.fonts.ready)
      .then(() => {
        if (!cancelled) setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [selector, content]);
  return ready;
}
