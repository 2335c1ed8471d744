import { describe, expect, it } from 'vitest';
import {
  DuplicateIdNumberError,
  InvalidIdNumberError,
  savePerson,
  upsertPerson,
  type PersonFields,
} from './people-repo';
import {
  deleteEnterprise,
  DuplicateEnterpriseError,
  enterprisePeople,
  enterprisesLedBy,
  InvalidCreditCodeError,
  saveEnterprise,
} from './enterprises-repo';
import { trainingHistory } from './history-repo';
import { checkIn } from './checkin-repo';
import { completeSession } from './sessions-repo';
import { issueCertificates } from './certificates-repo';
import { enrollExistingPerson } from './enrollments-repo';
import { auditedBy, at, createSession, DAY1, DAY2, openTestApp, residentId } from './test-db';
import { buildCreditCode } from '../domain/credit-code';
import { buildResidentId } from '../domain/resident-id';

const CODE = buildCreditCode('91320412MA1XYW123');
const worker = (over: Partial<PersonFields> = {}): PersonFields => ({
  name: '张三丰',
  idType: 'resident-id',
  idNumber: residentId(1),
  role: 'worker',
  ...over,
});

describe('savePerson', () => {
  it('registers a person with birth date, gender and home region read from the ID, and audits it', async () => {
    const app = await openTestApp();
    let id = '';
    const audited = await auditedBy(app.db, async () => {
      id = (await savePerson(app.ctx, worker({ idNumber: ` ${residentId(2).toLowerCase()} `, phone: '' })))
        .id;
    });
    expect(await app.db.people.get(id)).toMatchObject({
      name: '张三丰',
      idNumber: residentId(2),
      birthDate: '1985-06-15',
      gender: 'F',
      homeRegion: '320402',
      nameInitials: ['ZSF'],
    });
    expect((await app.db.people.get(id))!.phone).toBeUndefined();
    expect(audited).toEqual([['people', id, 'create']]);
  });

  it('upgrades a 15-digit number and takes a passport without a checksum, with what was typed by hand', async () => {
    const app = await openTestApp();
    const old = await savePerson(app.ctx, worker({ idNumber: '320402830320066' }));
    expect(old.idNumber).toBe(buildResidentId('320402', '1983-03-20', 66));
    const foreigner = await savePerson(app.ctx, {
      ...worker(),
      name: 'JOHN SMITH',
      idType: 'passport',
      idNumber: 'e 1234 5678',
      birthDate: '1979-04-01',
      gender: 'M',
    });
    expect(foreigner).toMatchObject({ idType: 'passport', idNumber: 'E12345678', birthDate: '1979-04-01' });
    expect(foreigner.homeRegion).toBeUndefined();
  });

  it.each([
    [
      'a wrong check character',
      residentId(1).slice(0, 17) + (residentId(1).endsWith('1') ? '2' : '1'),
      'checksum',
    ],
    ['digits lost in Excel', '4.11627E+17', 'precision-lost'],
    ['a passport number typed as a resident ID', 'E12345678', 'characters'],
  ])('refuses %s', async (_, idNumber, reason) => {
    const app = await openTestApp();
    const error = await savePerson(app.ctx, worker({ idNumber })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidIdNumberError);
    expect((error as InvalidIdNumberError).reason).toBe(reason);
    expect(await app.db.people.count()).toBe(0);
  });

  it('refuses an ID number another live person has, naming them, on create and on edit', async () => {
    const app = await openTestApp();
    const zhang = await savePerson(app.ctx, worker());
    const li = await savePerson(app.ctx, worker({ name: '李娜', idNumber: residentId(2) }));
    for (const attempt of [
      () => savePerson(app.ctx, worker({ name: '张三' })),
      () => savePerson(app.ctx, worker({ name: '李娜' }), li.id),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateIdNumberError);
      expect((error as DuplicateIdNumberError).holder.name).toBe(zhang.name);
    }
    expect(await app.db.people.get(li.id)).toEqual(li);
  });

  it('edits a person: clearing a field removes it; saving unchanged writes nothing', async () => {
    const app = await openTestApp();
    const person = await savePerson(app.ctx, worker({ phone: '13912345678', trade: '电工' }));
    app.clock.advanceMinutes(5);
    const unchanged = await auditedBy(app.db, () =>
      savePerson(app.ctx, worker({ phone: '13912345678', trade: '电工' }), person.id),
    );
    expect(unchanged).toEqual([]);
    const edited = await savePerson(app.ctx, worker({ name: '张三峰', trade: '电工' }), person.id);
    expect(edited.phone).toBeUndefined();
    expect(edited).toMatchObject({ id: person.id, createdAt: person.createdAt, name: '张三峰' });
    expect(edited.updatedAt).not.toBe(person.updatedAt);
    const [entry] = await app.db.auditLog
      .where('[table+recordId]')
      .equals(['people', person.id])
      .reverse()
      .sortBy('at');
    expect(entry!.changes).toEqual({
      name: { before: '张三丰', after: '张三峰' },
      phone: { before: '13912345678', after: undefined },
    });
  });

  it('keeps upsertPerson (import, check-in) updating the holder of an ID number rather than refusing', async () => {
    const app = await openTestApp();
    const first = await savePerson(app.ctx, worker());
    const { person, created } = await app.db.transaction(
      'rw',
      [app.db.people, app.db.enterprises, app.db.auditLog],
      () => upsertPerson(app.ctx, { name: '张三丰', idNumber: residentId(1), phone: '13900000000' }),
    );
    expect({ created, id: person.id, phone: person.phone }).toEqual({
      created: false,
      id: first.id,
      phone: '13900000000',
    });
  });
});

describe('saveEnterprise', () => {
  it('stores the credit code normalised, with principal and safety officers as links', async () => {
    const app = await openTestApp();
    const principal = await savePerson(app.ctx, worker({ role: 'principal' }));
    const officer = await savePerson(
      app.ctx,
      worker({ name: '李娜', idNumber: residentId(2), role: 'safety-officer' }),
    );
    const spaced = `${CODE.slice(0, 2)} ${CODE.slice(2, 8)} ${CODE.slice(8).toLowerCase()}`;
    const enterprise = await saveEnterprise(app.ctx, {
      name: ' 青山精细化工有限公司 ',
      creditCode: spaced,
      town: '青山镇',
      industry: 'hazardous-chemicals',
      aboveDesignatedSize: true,
      contactName: '',
      principalId: principal.id,
      safetyOfficerIds: [officer.id, officer.id],
    });
    expect(enterprise).toMatchObject({
      name: '青山精细化工有限公司',
      creditCode: CODE,
      principalId: principal.id,
      safetyOfficerIds: [officer.id],
    });
    expect(enterprise.contactName).toBeUndefined();
    expect((await enterprisesLedBy(app.ctx, officer.id)).map((e) => e.id)).toEqual([enterprise.id]);
    expect(await enterprisePeople(app.ctx, enterprise)).toEqual({
      principal,
      safetyOfficers: [officer],
      people: [],
    });
  });

  it.each([
    ['empty', ' ', 'empty'],
    ['letters it never uses', 'I1320412MA1XYW1234', 'characters'],
    ['short', CODE.slice(0, 17), 'length'],
    ['with a wrong check character', CODE.slice(0, 17) + (CODE.endsWith('1') ? '2' : '1'), 'checksum'],
  ])('refuses a credit code that is %s', async (_, creditCode, reason) => {
    const app = await openTestApp();
    const error = await saveEnterprise(app.ctx, { name: '柳桥五金制品厂', creditCode }).catch(
      (e: unknown) => e,
    );
    // A blank code is no code: the record is stored without one.
    if (reason === 'empty') {
      expect(error).toMatchObject({ name: '柳桥五金制品厂' });
      return;
    }
    expect(error).toBeInstanceOf(InvalidCreditCodeError);
    expect((error as InvalidCreditCodeError).reason).toBe(reason);
  });

  it.each(['name', 'creditCode'] as const)('refuses a %s another enterprise has', async (field) => {
    const app = await openTestApp();
    const first = await saveEnterprise(app.ctx, { name: '柳桥五金制品厂', creditCode: CODE });
    const second = await saveEnterprise(app.ctx, { name: '新港物流有限公司' });
    const clash =
      field === 'name' ? { name: '柳桥五金制品厂' } : { name: '新港物流有限公司', creditCode: CODE };
    const error = await saveEnterprise(app.ctx, clash, second.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateEnterpriseError);
    expect(error).toMatchObject({ field, holder: { id: first.id } });
  });

  it('deletes an enterprise nobody refers to, and keeps one with people', async () => {
    const app = await openTestApp();
    const empty = await saveEnterprise(app.ctx, { name: '新港物流有限公司' });
    const busy = await saveEnterprise(app.ctx, { name: '柳桥五金制品厂' });
    await savePerson(app.ctx, worker({ enterpriseId: busy.id }));
    expect(await deleteEnterprise(app.ctx, busy.id)).toBe('in-use');
    expect(await deleteEnterprise(app.ctx, empty.id)).toBe('deleted');
    expect((await app.db.enterprises.get(empty.id))!.deletedAt).toBeDefined();
    expect((await app.db.enterprises.get(busy.id))!.deletedAt).toBeUndefined();
  });
});

describe('trainingHistory', () => {
  it('lists sessions newest first with days attended, hours credited and the certificate number', async () => {
    const app = await openTestApp();
    const person = await savePerson(app.ctx, worker());
    const { session: old } = await createSession(app, { days: [DAY1] });
    const { session: next } = await createSession(app, { days: [DAY2], courseName: '建筑施工现场安全培训' });
    await enrollExistingPerson(app.ctx, old.id, person.id);
    await enrollExistingPerson(app.ctx, next.id, person.id);
    app.clock.set(at(DAY1, '07:55'));
    await checkIn(app.ctx, { sessionId: old.id, date: DAY1.date, rawId: person.idNumber });
    await completeSession(app.ctx, old.id);
    const { issued } = await issueCertificates(app.ctx, old.id);

    const history = await trainingHistory(app.ctx, [person.id]);
    expect(
      history.map((h) => ({
        session: h.session.id,
        course: h.course?.name,
        enrolled: h.enrolled,
        days: `${h.daysAttended}/${h.daysRecorded}`,
        hours: h.hoursCredited,
        certificate: h.certificate?.number,
      })),
    ).toEqual([
      {
        session: next.id,
        course: '建筑施工现场安全培训',
        enrolled: true,
        days: '0/0',
        hours: 0,
        certificate: undefined,
      },
      {
        session: old.id,
        course: '农民工安全生产知识培训',
        enrolled: true,
        days: '1/1',
        hours: 5,
        certificate: issued[0]!.number,
      },
    ]);
  });
});
