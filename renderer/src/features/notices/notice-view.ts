import type { NoticeSession } from '../../db/notices-repo';
import type { Locale, Translate } from '../../i18n/i18n';
import { formatDateRange, formatHours } from '../../ui/format';
import { AUDIENCE_LABEL, KIND_LABEL } from '../courses/labels';

/** What the notice's editable parts are, as they travel to the print view in the address. */
export interface NoticeOptions {
  sessionIds: string[];
  bring: string;
  contactName: string;
  contactPhone: string;
}

export function noticeSearch(options: NoticeOptions): string {
  const params = new URLSearchParams({ sessions: options.sessionIds.join(',') });
  if (options.bring) params.set('bring', options.bring);
  if (options.contactName) params.set('contact', options.contactName);
  if (options.contactPhone) params.set('phone', options.contactPhone);
  return params.toString();
}

/** One session as a notice states it: every field in words, shared by the print view and the export. */
export interface NoticeLine {
  name: string;
  audience: string;
  kind: string;
  dates: string;
  /** 08:30-11:30, or one per day where the days differ. */
  times: string;
  venue: string;
  hours: string;
  instructor: string;
  capacity: number;
  enrolled: number;
}

export function noticeLine(t: Translate, locale: Locale, row: NoticeSession): NoticeLine {
  const { session, course } = row;
  const times = [...new Set(session.days.map((d) => `${d.start}-${d.end}`))].join('，');
  return {
    name: session.title || course?.name || '',
    audience: course ? t(AUDIENCE_LABEL[course.audience]) : '',
    kind: course ? t(KIND_LABEL[course.kind]) : '',
    dates: formatDateRange(
      session.days.map((d) => d.date),
      locale,
    ),
    times,
    venue: session.venue,
    hours: course ? formatHours(course.hours) : '',
    instructor: session.instructor,
    capacity: session.capacity,
    enrolled: row.enrolled,
  };
}
