/*
 * Training notices (培训通知): what the bureau sends enterprises about coming sessions. The contact and the list
 * of what to bring are settings with defaults; the sessions travel in the print view's address.
 */

export interface TrainingNoticeSettings {
  contactName?: string;
  contactPhone?: string;
  /** What trainees bring, one item per line. */
  bring?: string;
}

/** What trainees bring unless the coordinator says otherwise (the Chinese text; the screens translate it). */
export const DEFAULT_NOTICE_BRING = [
  '本人居民身份证原件（核验身份、签到）',
  '近期一寸免冠彩色照片 2 张（初次培训的主要负责人、安全生产管理人员）',
  '笔和笔记本',
].join('\n');

/** The settings with the defaults filled in (the screens pass the default list in the UI's language). */
export function noticeSettings(
  stored: TrainingNoticeSettings | undefined,
  defaultBring = DEFAULT_NOTICE_BRING,
): Required<TrainingNoticeSettings> {
  return {
    contactName: stored?.contactName?.trim() ?? '',
    contactPhone: stored?.contactPhone?.trim() ?? '',
    bring: stored?.bring?.trim() ? stored.bring.trim() : defaultBring,
  };
}

/** Session ids from the address (`?sessions=a,b,c`): distinct, in order, blanks dropped; at most `max`. */
export function parseSessionIds(value: string | null, max = 200): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => /^[0-9a-zA-Z-]{1,64}$/.test(id)),
    ),
  ].slice(0, max);
}

/** The items of a what-to-bring text, one per non-blank line, without list markers typed by hand. */
export function bringItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·]|\d+[.、)）])\s*/, '').trim())
    .filter((line) => line.length > 0);
}
