import Dexie, { type EntityTable } from 'dexie';
import { applySchema } from './schema';
import { peopleSearchMiddleware } from './people-search';
import { statsDirtyMiddleware, type StatsDirtyMarker } from './statistics-dirty';
import type { SessionStats, StatsMonth } from '../domain/statistics';
import type { CreditPack, CreditSessions } from '../domain/credit-packs';
import type {
  Attendance,
  AuditEntry,
  Certificate,
  Counter,
  Course,
  Enrollment,
  Enterprise,
  Person,
  PersonMerge,
  Session,
  SettingRecord,
} from './records';

export const DATABASE_NAME = 'safetrain';

export class SafeTrainDb extends Dexie {
  enterprises!: EntityTable<Enterprise, 'id'>;
  people!: EntityTable<Person, 'id'>;
  courses!: EntityTable<Course, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  enrollments!: EntityTable<Enrollment, 'id'>;
  attendance!: EntityTable<Attendance, 'id'>;
  certificates!: EntityTable<Certificate, 'id'>;
  settings!: EntityTable<SettingRecord, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  counters!: EntityTable<Counter, 'id'>;
  merges!: EntityTable<PersonMerge, 'id'>;
  sessionStats!: EntityTable<SessionStats, 'id'>;
  statsMonths!: EntityTable<StatsMonth, 'id'>;
  statsDirty!: EntityTable<StatsDirtyMarker, 'id'>;
  creditPacks!: EntityTable<CreditPack, 'id'>;
  creditSessions!: EntityTable<CreditSessions, 'id'>;

  constructor(
    name = DATABASE_NAME,
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    // Strict durability: a transaction is reported complete only once it is on disk, so a check-in or a
    // certificate confirmed on screen survives a power cut. Bulk writes are one transaction, so one flush.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    applySchema(this);
    this.use(peopleSearchMiddleware(this));
    this.use(statsDirtyMiddleware(this));
  }
}
