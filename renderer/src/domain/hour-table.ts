import { DEFAULT_HOUR_RULES, type Audience, type HourRule, type TrainingKind } from './hour-rules';

/**
 * The hour table as the settings screen shows it: every audience x kind x risk combination, each with its minimum
 * (null: no statutory minimum) and legal basis, so that a missing rule is a visible empty cell, not an absent row.
 */
export interface HourTableCell {
  audience: Audience;
  kind: TrainingKind;
  highRisk: boolean;
  minHours: number | null;
  basis: string;
  /** The statutory default for the cell (null: none), to show where the coordinator's table departs from it. */
  statutory: number | null;
}

const AUDIENCES: readonly Audience[] = ['principal', 'safety-officer', 'worker'];
const KINDS: readonly TrainingKind[] = ['initial', 'refresher'];

function find(rules: readonly HourRule[], audience: Audience, kind: TrainingKind, highRisk: boolean) {
  return rules.filter((r) => r.audience === audience && r.kind === kind && r.highRisk === highRisk);
}

/** The twelve cells of the table for the rules kept in settings. */
export function hourTable(rules: readonly HourRule[]): HourTableCell[] {
  const cells: HourTableCell[] = [];
  for (const audience of AUDIENCES) {
    for (const kind of KINDS) {
      for (const highRisk of [false, true]) {
        const kept = find(rules, audience, kind, highRisk);
        const statutory = find(DEFAULT_HOUR_RULES, audience, kind, highRisk)[0];
        // Several rows for one cell: the largest wins, as in requiredHours.
        const strongest = kept.reduce<HourRule | undefined>(
          (best, r) => (!best || r.minHours > best.minHours ? r : best),
          undefined,
        );
        const basis = strongest?.basis ?? statutory?.basis ?? DEFAULT_HOUR_RULES[0]!.basis;
        cells.push({
          audience,
          kind,
          highRisk,
          minHours: strongest?.minHours ?? null,
          basis,
          statutory: statutory?.minHours ?? null,
        });
      }
    }
  }
  return cells;
}

/** The rules to store for edited cells: one row per cell with a minimum; empty cells store nothing. */
export function rulesFromTable(cells: readonly HourTableCell[]): HourRule[] {
  return cells.flatMap((c) =>
    c.minHours === null
      ? []
      : [{ audience: c.audience, kind: c.kind, highRisk: c.highRisk, minHours: c.minHours, basis: c.basis }],
  );
}
