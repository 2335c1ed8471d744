import type { EnterpriseCoverageRow } from '../../db/coverage-repo';
import { inCategory, type CoverageCategory, type CoverageReason } from '../../domain/coverage';
import type { MessageKey, Translate } from '../../i18n/i18n';

/** The coverage list's filter as it travels in the address (the page and its print view read the same). */
export interface CoverageQuery {
  town?: string;
  /** all | above-designated-size | hazardous-chemicals. */
  category?: 'above-designated-size' | 'hazardous-chemicals';
}

export function readCoverageQuery(params: URLSearchParams): CoverageQuery {
  const town = params.get('town') ?? '';
  const category = params.get('category');
  return {
    ...(town ? { town } : {}),
    ...(category === 'above-designated-size' || category === 'hazardous-chemicals' ? { category } : {}),
  };
}

export function coverageSearch(query: CoverageQuery): string {
  const params = new URLSearchParams();
  if (query.town) params.set('town', query.town);
  if (query.category) params.set('category', query.category);
  return params.toString();
}

/** Enterprises not covered that the filter selects, in the report's order (by name). */
export function uncoveredRows(
  rows: readonly EnterpriseCoverageRow[],
  query: CoverageQuery,
): EnterpriseCoverageRow[] {
  return rows.filter((r) => {
    if (r.covered) return false;
    const subject = {
      ...(r.enterprise.town ? { town: r.enterprise.town } : {}),
      ...(r.enterprise.industry ? { industry: r.enterprise.industry } : {}),
      ...(r.enterprise.aboveDesignatedSize ? { aboveDesignatedSize: true } : {}),
      covered: false,
    };
    if (query.town && !inCategory(subject, { kind: 'town', town: query.town })) return false;
    if (query.category && !inCategory(subject, { kind: query.category })) return false;
    return true;
  });
}

export const REASON_LABEL: Record<CoverageReason, MessageKey> = {
  'no-principal': 'coverage.reason.no-principal',
  'no-officer': 'coverage.reason.no-officer',
  'principal-never-trained': 'coverage.reason.principal-never-trained',
  'principal-overdue': 'coverage.reason.principal-overdue',
  'officer-never-trained': 'coverage.reason.officer-never-trained',
  'officer-overdue': 'coverage.reason.officer-overdue',
};

export function categoryLabel(t: Translate, category: CoverageCategory): string {
  return category.kind === 'town' ? category.town : t(`coverage.cat.${category.kind}`);
}

/** A share as a percentage with one decimal (62.5%), or a dash when there is nothing to measure. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** The reasons an enterprise is not covered, in words, for the export and the printout. */
export function reasonsText(t: Translate, row: EnterpriseCoverageRow): string {
  return row.reasons.map((r) => t(REASON_LABEL[r])).join('；');
}
