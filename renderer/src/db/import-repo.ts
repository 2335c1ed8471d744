import { readEachValue } from './index-reads';
import type { DbContext } from './context';
import { auditEntry, diffForAudit, isLive, stampNew, stampUpdate, withoutEmpty } from './context';
import type { AuditEntry, Enrollment, Enterprise, Person, PersonRole } from './records';
import { toLocalIsoDate } from '../domain/calendar';
import { parseCreditCode } from '../domain/credit-code';
import { industryFromText } from '../domain/industry-text';
import { parseResidentId } from '../domain/resident-id';

/** One accepted roster row: the analysed values (see import/analyze-roster.ts for the keys). */
export interface ImportRow {
  sourceRow: number;
  values: Record<string, string>;
}

export interface ImportSaveRequest {
  kind: 'people' | 'enterprise-managers';
  rows: readonly ImportRow[];
  /** Enroll everyone imported in this session too. */
  sessionId?: string;
}

export interface ImportSaveReport {
  added: number;
  updated: number;
  /** Already in the register exactly as in the file: nothing written. */
  unchanged: number;
  enrolled: number;
  alreadyEnrolled: number;
  enterprisesAdded: number;
}

export class ImportRowError extends Error {
  constructor(readonly sourceRow: number) {
    super(`row ${sourceRow} has no valid ID number`);
  }
}

const ROLES: ReadonlySet<string> = new Set<PersonRole>(['worker', 'principal', 'safety-officer']);
const CHUNK = 500;

/**
 * Saves the accepted rows of an analysed roster in ONE transaction: people (new or updated by ID number), their
 * enterprises (and, for a managers roster, who is principal and safety officer of which), and enrollments when
 * importing into a session. Everything lands or nothing does. Rows equal to the register are not rewritten, so
 * importing the same file again changes nothing. Reads and writes go in bulk: a 10,000-row roster is a few dozen
 * IndexedDB requests, not tens of thousands.
 */
export async function saveRosterImport(
  ctx: DbContext,
  request: ImportSaveRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSaveReport> {
  const { db } = ctx;
  const report: ImportSaveReport = {
    added: 0,
    updated: 0,
    unchanged: 0,
    enrolled: 0,
    alreadyEnrolled: 0,
    enterprisesAdded: 0,
  };
  const today = toLocalIsoDate(ctx.now());
  const tables = [db.people, db.enterprises, db.enrollments, db.sessions, db.auditLog];
  // A session's roster (and its sign-in sheet) lists people in enrollment order, by createdAt. Rows saved within
  // the same millisecond would tie and come out in random id order, so each enrollment of an import is stamped at
  // least a millisecond after the one before: the sheet follows the roster as the site sent it.
  let lastEnrolledMs = 0;
  const inRosterOrder = (enrollment: Enrollment): Enrollment => {
    lastEnrolledMs = Math.max(Date.parse(enrollment.createdAt), lastEnrolledMs + 1);
    const at = new Date(lastEnrolledMs).toISOString();
    return { ...enrollment, createdAt: at, updatedAt: at };
  };
  await db.transaction('rw', tables, async () => {
    if (request.sessionId) {
      const session = await db.sessions.get(request.sessionId);
      if (!isLive(session)) throw new Error(`session ${request.sessionId} not found`);
    }
    const registry = await EnterpriseRegistry.load(ctx);
    const ids = request.rows.map((r) => r.values.idNumber ?? '');
    const known = new Map<string, Person>();
    for (const person of await readEachValue(db.people, 'idNumber', ids)) {
      if (isLive(person)) known.set(person.idNumber, person);
    }
    const enrolled = new Set<string>();
    if (request.sessionId) {
      for (const e of await db.enrollments.where('sessionId').equals(request.sessionId).toArray()) {
        if (isLive(e) && e.status === 'enrolled') enrolled.add(e.personId);
      }
    }

    for (let start = 0; start < request.rows.length; start += CHUNK) {
      const chunk = request.rows.slice(start, start + CHUNK);
      const people: Person[] = [];
      const enrollments: Enrollment[] = [];
      const entries: AuditEntry[] = [];
      for (const row of chunk) {
        const v = row.values;
        const parsed = parseResidentId(v.idNumber ?? '', { today });
        if (!parsed.ok) throw new ImportRowError(row.sourceRow);
        const enterprise = registry.resolve(v);
        const before = known.get(parsed.id);
        const role = v.role && ROLES.has(v.role) ? (v.role as PersonRole) : undefined;
        // A manager already registered keeps the employer they have: one principal may lead several enterprises.
        const keepEmployer = request.kind === 'enterprise-managers' && before?.enterpriseId;
        const fields = withoutEmpty({
          name: (v.name ?? '').trim(),
          idNumber: parsed.id,
          idType: 'resident-id' as const,
          birthDate: parsed.birthDate,
          gender: parsed.gender,
          homeRegion: parsed.regionCode,
          phone: v.phone,
          enterpriseId: keepEmployer ? before.enterpriseId : (enterprise?.id ?? before?.enterpriseId),
          trade: v.trade,
          role: role ?? before?.role ?? 'worker',
        });
        let person: Person;
        if (!before) {
          person = stampNew<Person>(ctx, fields);
          report.added++;
          entries.push(auditEntry(ctx, 'people', 'create', undefined, person));
        } else {
          const candidate = stampUpdate(ctx, before, fields);
          if (Object.keys(diffForAudit(before, candidate)).length === 0) {
            person = before;
            report.unchanged++;
          } else {
            person = candidate;
            report.updated++;
            entries.push(auditEntry(ctx, 'people', 'update', before, person));
          }
        }
        if (person !== before) people.push(person);
        known.set(person.idNumber, person);
        if (
          enterprise &&
          request.kind === 'enterprise-managers' &&
          (role === 'principal' || role === 'safety-officer')
        ) {
          registry.link(enterprise, person.id, role);
        }
        if (request.sessionId) {
          if (enrolled.has(person.id)) {
            report.alreadyEnrolled++;
          } else {
            const enrollment = stampNew<Enrollment>(ctx, {
              sessionId: request.sessionId,
              personId: person.id,
              walkIn: false,
              status: 'enrolled',
            });
            enrollments.push(enrollment);
            entries.push(auditEntry(ctx, 'enrollments', 'create', undefined, enrollment));
            enrolled.add(person.id);
            report.enrolled++;
          }
        }
      }
      await db.people.bulkPut(people);
      await db.enrollments.bulkAdd(enrollments.map(inRosterOrder));
      await db.auditLog.bulkAdd(entries);
      onProgress?.(Math.min(start + CHUNK, request.rows.length), request.rows.length);
    }
    report.enterprisesAdded = await registry.save();
  });
  return report;
}

/**
 * The enterprises of the register, by credit code and by name, with those the roster adds or changes kept in
 * memory until the end of the import, then written in bulk.
 */
class EnterpriseRegistry {
  private readonly byCode = new Map<string, Enterprise>();
  private readonly byName = new Map<string, Enterprise>();
  private readonly byId = new Map<string, Enterprise>();
  private readonly before = new Map<string, Enterprise | undefined>();

  private constructor(private readonly ctx: DbContext) {}

  static async load(ctx: DbContext): Promise<EnterpriseRegistry> {
    const registry = new EnterpriseRegistry(ctx);
    for (const enterprise of await ctx.db.enterprises.toArray()) {
      if (isLive(enterprise)) registry.remember(enterprise);
    }
    return registry;
  }

  /** The row's enterprise: by credit code when the roster gives a valid one, else by name; new ones created. */
  resolve(v: Record<string, string>): Enterprise | undefined {
    const name = v.enterpriseName?.trim() || undefined;
    const parsed = v.creditCode ? parseCreditCode(v.creditCode) : undefined;
    const creditCode = parsed?.ok ? parsed.code : undefined;
    const found = (creditCode && this.byCode.get(creditCode)) || (name && this.byName.get(name)) || undefined;
    if (found || (!name && !creditCode)) return found;
    const created = stampNew<Enterprise>(
      this.ctx,
      // Industry words are mapped to the list where they are clear; otherwise it is chosen on the enterprise's page.
      withoutEmpty({
        name: name ?? creditCode ?? '',
        creditCode,
        town: v.town?.trim(),
        industry: v.industry ? (industryFromText(v.industry) ?? undefined) : undefined,
      }),
    );
    this.before.set(created.id, undefined);
    this.remember(created);
    return created;
  }

  /** Records who is principal or safety officer of an enterprise. */
  link(enterprise: Enterprise, personId: string, role: 'principal' | 'safety-officer'): void {
    const current = this.latest(enterprise);
    const officers = current.safetyOfficerIds ?? [];
    if (role === 'principal' && current.principalId === personId) return;
    if (role === 'safety-officer' && officers.includes(personId)) return;
    const patch =
      role === 'principal' ? { principalId: personId } : { safetyOfficerIds: [...officers, personId] };
    if (!this.before.has(current.id)) this.before.set(current.id, current);
    this.remember(stampUpdate(this.ctx, current, patch));
  }

  /** Writes what changed; returns how many enterprises were new. */
  async save(): Promise<number> {
    const records = [...this.before.keys()].map((id) => this.byId.get(id)!);
    const entries = records.map((record) => {
      const before = this.before.get(record.id);
      return auditEntry(this.ctx, 'enterprises', before ? 'update' : 'create', before, record);
    });
    await this.ctx.db.enterprises.bulkPut(records);
    await this.ctx.db.auditLog.bulkAdd(entries);
    return records.filter((r) => this.before.get(r.id) === undefined).length;
  }

  private remember(enterprise: Enterprise): void {
    if (enterprise.creditCode) this.byCode.set(enterprise.creditCode, enterprise);
    this.byName.set(enterprise.name, enterprise);
    this.byId.set(enterprise.id, enterprise);
  }

  private latest(enterprise: Enterprise): Enterprise {
    return this.byId.get(enterprise.id) ?? enterprise;
  }
}

/** Which of these (normalised) ID numbers are already in the register, to show new and known rows apart. */
export async function findRegisteredIdNumbers(
  ctx: DbContext,
  idNumbers: readonly string[],
): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const people = await readEachValue(ctx.db.people, 'idNumber', idNumbers);
  return new Set(people.filter((p) => isLive(p)).map((p) => p.idNumber));
}
