/** The reminders' filter as it travels in the address (list and printed notices read the same parameters). */
export interface ReminderQuery {
  withinDays: number;
  town?: string;
  industry?: string;
}

export const DEFAULT_WITHIN_DAYS = 60;

export function readReminderQuery(params: URLSearchParams): ReminderQuery {
  const within = Number(params.get('within'));
  const town = params.get('town') ?? '';
  const industry = params.get('industry') ?? '';
  return {
    withinDays: Number.isInteger(within) && within > 0 && within <= 3650 ? within : DEFAULT_WITHIN_DAYS,
    ...(town ? { town } : {}),
    ...(industry ? { industry } : {}),
  };
}

export function reminderSearch(query: ReminderQuery): string {
  const params = new URLSearchParams({ within: String(query.withinDays) });
  if (query.town) params.set('town', query.town);
  if (query.industry) params.set('industry', query.industry);
  return params.toString();
}
