import type { DbContext } from './context';
import type { Attendance } from './records';

/** One enterprise's attendance over a year (the people's current employer; `enterpriseId` undefined: none). */
export interface EnterpriseAttendanceTotals {
  enterpriseId: string | undefined;
  /** Distinct people who attended at least one day. */
  people: number;
  /** Session days attended (present, late, left early). */
  daysAttended: number;
  /** Session days recorded absent. */
  daysAbsent: number;
  /** Class hours credited. */
  hours: number;
}

const ATTENDED: ReadonlySet<Attendance['status']> = new Set(['present', 'late', 'left-early']);

/**
 * Attendance totals per enterprise for a calendar year, largest first by hours. Reads only the year's attendance,
 * month by month through the `date` index (never the whole table), and the people's employers through the
 * `enterpriseId` index keys alone (no person record is read). Tombstoned attendance is left out.
 *
 * Cost grows with the year's attendance records (about a third of a million at the benchmark's full size); a
 * report that must answer instantly at that size needs a maintained aggregate (see the benchmark notes).
 */
export async function attendanceTotalsByEnterprise(
  ctx: DbContext,
  year: number,
): Promise<EnterpriseAttendanceTotals[]> {
  const { db } = ctx;
  return db.transaction('r', [db.attendance, db.people], async () => {
    const employer = new Map<string, string>();
    // Index keys only: the enterpriseId index holds (enterpriseId, person id) pairs, both strings.
    await db.people.orderBy('enterpriseId').eachKey((key, cursor) => {
      employer.set(cursor.primaryKey, key as string);
    });
    const totals = new Map<string | undefined, EnterpriseAttendanceTotals & { seen: Set<string> }>();
    for (let month = 1; month <= 12; month++) {
      const from = `${year}-${String(month).padStart(2, '0')}-01`;
      const to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      const records = await db.attendance.where('date').between(from, to, true, false).toArray();
      for (const record of records) {
        if (record.deletedAt !== undefined) continue;
        const enterpriseId = employer.get(record.personId);
        let row = totals.get(enterpriseId);
        if (!row) {
          row = { enterpriseId, people: 0, daysAttended: 0, daysAbsent: 0, hours: 0, seen: new Set() };
          totals.set(enterpriseId, row);
        }
        if (ATTENDED.has(record.status)) {
          row.daysAttended += 1;
          row.seen.add(record.personId);
        } else if (record.status === 'absent') {
          row.daysAbsent += 1;
        }
        row.hours += record.hoursCredited;
      }
    }
    return [...totals.values()]
      .map(({ seen, ...row }) => ({ ...row, people: seen.size }))
      .sort((a, b) => b.hours - a.hours || String(a.enterpriseId).localeCompare(String(b.enterpriseId)));
  });
}
