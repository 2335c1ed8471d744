/**
 * How a backup differs from the database now, table by table, so the user sees what a restore would undo before
 * doing it: records that would come back, records that would disappear, and records that differ (newer in the
 * backup, or newer now: edits made since the backup, which the restore would lose).
 */

/** What the comparison needs of a record: its id, its last change, and whether it is deleted. */
export interface RecordStamp {
  id: string;
  updatedAt?: string;
  deletedAt?: string;
}

export interface TableDifference {
  table: string;
  /** Live (not tombstoned) records now and in the backup. */
  now: number;
  inBackup: number;
  /** In the backup only: they come back. */
  onlyInBackup: number;
  /** Now only: added since the backup; they disappear. */
  onlyNow: number;
  /** In both, changed later than the backup's copy: these edits are lost by a restore. */
  newerNow: number;
  /** In both, the backup's copy is the later one (the database went back in time, or was restored before). */
  newerInBackup: number;
}

function live(rows: readonly RecordStamp[]): number {
  return rows.filter((r) => r.deletedAt === undefined).length;
}

export function compareTables(
  now: Record<string, readonly RecordStamp[]>,
  backup: Record<string, readonly RecordStamp[]>,
): TableDifference[] {
  const tables = [...new Set([...Object.keys(now), ...Object.keys(backup)])];
  return tables.map((table) => {
    const current = now[table] ?? [];
    const saved = backup[table] ?? [];
    const savedById = new Map(saved.map((r) => [r.id, r]));
    const currentIds = new Set(current.map((r) => r.id));
    let onlyNow = 0;
    let newerNow = 0;
    let newerInBackup = 0;
    for (const record of current) {
      const copy = savedById.get(record.id);
      if (!copy) {
        onlyNow += 1;
        continue;
      }
      const a = record.updatedAt ?? '';
      const b = copy.updatedAt ?? '';
      if (a > b) newerNow += 1;
      else if (b > a) newerInBackup += 1;
    }
    const onlyInBackup = saved.filter((r) => !currentIds.has(r.id)).length;
    return {
      table,
      now: live(current),
      inBackup: live(saved),
      onlyInBackup,
      onlyNow,
      newerNow,
      newerInBackup,
    };
  });
}

/** True when restoring would change nothing that the user would notice. */
export function isSameAsNow(differences: readonly TableDifference[]): boolean {
  return differences.every(
    (d) => d.onlyInBackup === 0 && d.onlyNow === 0 && d.newerNow === 0 && d.newerInBackup === 0,
  );
}
