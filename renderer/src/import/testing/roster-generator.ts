import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell as XlsxCell } from 'write-excel-file/universal';
import { buildCreditCode } from '../../domain/credit-code';
import { buildResidentId, parseResidentId } from '../../domain/resident-id';
import {
  PROBLEM_SEVERITY,
  type RosterKind,
  type RosterProblemCode,
  type SkipReason,
} from '../analyze-roster';

/**
 * Test support: builds rosters the way site offices and enterprises send them, with every defect the import
 * must handle, and the truth table the analysis must reproduce. Deterministic for a given seed. Not app code:
 * it writes real .xlsx bytes (write-excel-file) and GBK bytes (iconv-lite), both dev dependencies.
 */

export type RosterFormat = 'xlsx' | 'csv-gbk' | 'csv-utf8' | 'csv-utf8-bom';

/** Defects of a people roster's data rows, each with the problem it must produce (or none: normalised). */
export const PEOPLE_DEFECTS = {
  checksum: 'id-checksum',
  'id-length': 'id-length',
  'id-characters': 'id-characters',
  'id-birth-date': 'id-birth-date',
  'id-region': 'id-region',
  'id-missing': 'id-missing',
  // xlsx: a numeric cell Excel rounded to 15 digits; csv: the digits Excel then writes out.
  'precision-lost': 'id-precision-lost',
  // What a csv saved from Excel holds when the column was shown as 4.11627E+17.
  'precision-lost-scientific': 'id-precision-lost',
  'name-missing': 'name-missing',
  'gender-mismatch': 'gender-mismatch',
  'gender-invalid': 'gender-invalid',
  duplicate: 'duplicate-in-file',
  'phone-invalid': 'phone-invalid',
  'phone-formatted': null,
  'phone-plus86': null,
  'phone-missing': null,
  'name-padded': null,
  'id-15-digit': null,
  // xlsx only (csv has no numbers): a first-generation number stored as a number, exact at 15 digits.
  'id-15-digit-numeric': null,
  'id-lowercase-x': null,
  'id-full-width': null,
  'id-spaces': null,
  'id-apostrophe': null,
} as const satisfies Record<string, RosterProblemCode | null>;

export type PeopleDefect = keyof typeof PEOPLE_DEFECTS;

export interface ExpectedRow {
  sourceRow: number;
  problems: Array<{ code: RosterProblemCode; severity: 'error' | 'warning'; duplicateOf?: number }>;
  /** Values the analysis must return for this row (a subset of what it returns). */
  values: Record<string, string>;
  /** The defect the row was built with, for test names. */
  defect?: string;
}

export interface GeneratedRoster {
  name: string;
  bytes: Uint8Array;
  kind: RosterKind;
  headerRow: number;
  rows: ExpectedRow[];
  skipped: Array<{ sourceRow: number; reason: SkipReason }>;
}

export interface PeopleRosterOptions {
  people: number;
  format: RosterFormat;
  seed?: number;
  /** Defects cycled over the data rows; all by default. */
  defects?: readonly PeopleDefect[];
  /** Every n-th data row carries the next defect (default 3; at least 2, so a duplicate has a clean original). */
  defectEvery?: number;
  /** Which of the header wordings (0-3) to use; they differ in synonyms, padding, annotations and order. */
  headerStyle?: number;
  /** Title rows, blank rows, a repeated header, numbered empty rows, total, signature and note lines. */
  decorations?: boolean;
}

export interface ManagersRosterOptions {
  enterprises: number;
  format: RosterFormat;
  seed?: number;
}

type GenCell = string | number | Date | null | { merged: string };

interface Person {
  name: string;
  id: string;
  gender: 'M' | 'F';
  phone: string;
}

const TODAY_TEXT = '2026年11月20日';
const REGIONS = [
  '341225',
  '342221',
  '341222',
  '511321',
  '500235',
  '520502',
  '411627',
  '431126',
  '370281',
  '320923',
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程魏',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玲俊峰鹏宇浩凯龙飞斌波辉'];
const TRADES = [
  '木工',
  '钢筋工',
  '架子工',
  '电工',
  '电焊工',
  '混凝土工',
  '砌筑工',
  '抹灰工',
  '油漆工',
  '普工',
];
const TEAMS = ['木工班', '钢筋班', '架子班', '水电班', '杂工班'];
const TOWNS = ['武进区湖塘镇', '新北区春江街道', '天宁区青龙街道', '钟楼区五星街道', '金坛区儒林镇'];
const INDUSTRIES = ['冶金', '危险化学品', '机械制造', '建筑施工', '一般工贸'];
const BASE31 = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Birth dates are spread over 1960-01-01 .. 1998-04-30; the 15-digit defect needs a 19xx year.
const BIRTH_DAYS = 14_000;
const BIRTH_DAY_STRIDE = 7919;
const EPOCH_1960 = Date.UTC(1960, 0, 1);
const DAY_MS = 86_400_000;

/** Header wordings: [field, label] in column order. */
const PEOPLE_HEADERS: ReadonlyArray<ReadonlyArray<readonly [PeopleColumn, string]>> = [
  [
    ['seq', '序号'],
    ['name', '姓名'],
    ['gender', '性别'],
    ['idNumber', '身份证号码'],
    ['phone', '联系电话'],
    ['trade', '工种'],
    ['team', '班组'],
  ],
  [
    ['seq', '编号'],
    ['idNumber', '公民身份号码'],
    ['name', '名字'],
    ['phone', '手机号'],
    ['gender', '性别'],
    ['team', '所在班组'],
    ['trade', '工种'],
  ],
  [
    ['seq', '序'],
    ['name', '姓 名'],
    ['gender', '性 别'],
    ['idNumber', '证件号码（必填）'],
    ['phone', '手机'],
    ['trade', '岗位工种'],
    ['team', '班组名称'],
  ],
  [
    ['name', '员工姓名'],
    ['idNumber', '身份证'],
    ['gender', '性别'],
    ['trade', '工种'],
    ['team', '班组'],
    ['phone', '电话'],
  ],
];

type PeopleColumn = 'seq' | 'name' | 'gender' | 'idNumber' | 'phone' | 'trade' | 'team';

/** A worker roster (site roster or walk-ins) with the given defects cycled over its rows. */
export async function generatePeopleRoster(options: PeopleRosterOptions): Promise<GeneratedRoster> {
  const seed = options.seed ?? 1;
  const defects = options.defects ?? (Object.keys(PEOPLE_DEFECTS) as PeopleDefect[]);
  const every = Math.max(2, options.defectEvery ?? 3);
  const decorated = options.decorations ?? true;
  const header = PEOPLE_HEADERS[(options.headerStyle ?? 0) % PEOPLE_HEADERS.length]!;
  const columns = header.map(([field]) => field);
  const sheet = new SheetBuilder(columns.length);

  if (decorated) {
    sheet.title('常州市新北区某安置房项目农民工安全培训花名册');
    sheet.row(['施工单位：江苏某建设工程有限公司', null, null, null, `日期：${TODAY_TEXT}`]);
  }
  const headerCells = header.map(([, label]) => label);
  const headerRow = sheet.row(headerCells);

  let previous: WrittenRow | null = null;
  for (let i = 0; i < options.people; i++) {
    if (decorated && i > 0 && i % 25 === 0) sheet.skip([], 'blank');
    if (decorated && i > 0 && i % 40 === 0) sheet.skip(headerCells, 'repeated-header');
    const defect = i % every === every - 1 ? defects[Math.floor(i / every) % defects.length] : undefined;
    const person = makePerson(i, seed);
    const copy: WrittenRow | null = defect === 'duplicate' ? previous : null;
    const row: PersonRow = copy ?? peopleRow(person, defect, options.format);
    const trade: string = copy?.trade ?? choose(TRADES, i + seed, 3);
    const team: string = copy?.team ?? choose(TEAMS, i + seed, 7);
    const cells: Record<PeopleColumn, GenCell> = { ...row.cells, seq: i + 1, trade, team };
    const sourceRow = sheet.row(columns.map((field) => cells[field]));
    const code = defect ? PEOPLE_DEFECTS[defect] : null;
    sheet.expect({
      sourceRow,
      problems: code ? [problem(code, copy?.sourceRow)] : [],
      values: { ...row.values, trade, team },
      ...(defect ? { defect } : {}),
    });
    if (!defect) previous = { ...row, trade, team, sourceRow };
  }

  if (decorated) {
    sheet.skip(
      columns.map((field, c) => (field === 'seq' ? options.people + 1 : c === 0 ? null : '')),
      'blank',
    );
    sheet.skip([`合计：${options.people}人`], 'total');
    sheet.skip(['制表人：', null, '审核人：', null, `日期：${TODAY_TEXT}`], 'signature');
    sheet.skip(['项目负责人签字：'], 'signature');
    sheet.skip(['注：身份证号码请以文本格式填写'], 'note');
  }
  return sheet.build(`site-roster-${options.people}`, options.format, 'people', headerRow);
}

/**
 * An enterprise-managers roster: each enterprise with its principal and safety officers, plus: one principal
 * under two enterprises (correct), one person twice under the same enterprise (duplicate), a credit code with a
 * typo in one row, a lowercase spaced code (normalised), an unknown role label, a row without enterprise.
 */
export async function generateManagersRoster(options: ManagersRosterOptions): Promise<GeneratedRoster> {
  const seed = options.seed ?? 7;
  const sheet = new SheetBuilder(9);
  sheet.title('2026年度企业主要负责人及安全管理人员名册');
  const headerRow = sheet.row([
    '单位名称',
    '信用代码',
    '镇街',
    '行业',
    '姓名',
    '身份证号',
    '职务',
    '手机号',
    '上次培训日期',
  ]);

  const sharedPrincipal = makePerson(0, seed);
  let personIndex = 1;
  for (let e = 0; e < options.enterprises; e++) {
    const name = `常州${choose(['宏达', '正大', '润禾', '博远', '安信'], e + seed, 3)}${e + 1}号${choose(['机械制造', '化工', '物流'], e + seed, 2)}有限公司`;
    // 9 (registered by market regulation), 1 (company), region 320412, then an organisation code that
    // carries the enterprise's number, so codes never repeat.
    const organisation =
      String(e).padStart(4, '0') +
      Array.from({ length: 5 }, (_, k) => choose([...BASE31], e + k + seed, 17)).join('');
    const code = buildCreditCode(`91320412${organisation}`);
    const town = choose(TOWNS, e + seed, 1);
    const industry = choose(INDUSTRIES, e + seed, 2);
    // Enterprises 1 and 2 are a group and its branch, with one principal.
    const principal = e === 1 || e === 2 ? sharedPrincipal : makePerson(personIndex++, seed);
    const officers = Array.from({ length: 1 + (e % 3) }, () => makePerson(personIndex++, seed));
    const members: Array<{ person: Person; label: string; role: string | null }> = [
      { person: principal, label: e % 2 ? '法定代表人' : '主要负责人', role: 'principal' },
      ...officers.map((person, k) => ({
        person,
        label: ['安全管理人员', '专职安全员', '安全员'][k % 3]!,
        role: 'safety-officer',
      })),
    ];
    if (e === 4) members.push({ ...members[1]!, label: '安全管理人员' });
    if (e === 5) members.push({ person: makePerson(personIndex++, seed), label: '会计', role: null });

    for (const [k, { person, label, role }] of members.entries()) {
      const typo = e === 3 && k === members.length - 1;
      const codeCell = typo
        ? code.slice(0, 17) + (code.endsWith('1') ? '2' : '1')
        : e === 6
          ? spaced(code)
          : code;
      const noEnterprise = e === 7 && k === members.length - 1;
      const trainedOn = k % 2 ? new Date(Date.UTC(2025, e % 12, 1 + k)) : null;
      const sourceRow = sheet.row([
        noEnterprise ? '' : name,
        noEnterprise ? '' : codeCell,
        town,
        industry,
        person.name,
        person.id,
        label,
        person.phone,
        trainedOn,
      ]);
      const problems: ExpectedRow['problems'] = [];
      if (typo) problems.push(problem('credit-code-invalid'));
      if (noEnterprise) problems.push(problem('enterprise-missing'));
      if (!role) problems.push(problem('role-unknown'));
      const duplicate = e === 4 && k === members.length - 1;
      if (duplicate) problems.push(problem('duplicate-in-file', sheet.rowOf(members[1]!.person.id)));
      sheet.expect({
        sourceRow,
        problems,
        values: {
          name: person.name,
          idNumber: person.id,
          position: label,
          ...(role ? { role } : {}),
          ...(noEnterprise ? {} : { enterpriseName: name, ...(typo ? {} : { creditCode: code }) }),
          ...(trainedOn ? { lastTrainingDate: trainedOn.toISOString().slice(0, 10) } : {}),
        },
      });
      if (!duplicate) sheet.remember(person.id, sourceRow);
    }
  }
  return sheet.build(
    `enterprise-managers-${options.enterprises}`,
    options.format,
    'enterprise-managers',
    headerRow,
  );
}

function makePerson(index: number, seed: number): Person {
  const region = REGIONS[index % REGIONS.length]!;
  // The stride is coprime with BIRTH_DAYS, so indexes below BIRTH_DAYS get distinct birth dates: IDs are unique
  // whatever the sequence number.
  const day = (index * BIRTH_DAY_STRIDE) % BIRTH_DAYS;
  const birthDate = new Date(EPOCH_1960 + day * DAY_MS).toISOString().slice(0, 10);
  const n = index + seed;
  const gender = n % 5 === 4 ? 'F' : 'M';
  const sequence = ((n * 37) % 400) * 2 + (gender === 'M' ? 1 : 0);
  const name = choose(SURNAMES, n, 7) + choose(GIVEN, n, 11) + (n % 5 < 3 ? choose(GIVEN, n, 13) : '');
  const phone = `1${choose(['3', '5', '7', '8', '9'], n, 3)}${String((n * 7919 + 12345) % 1e9).padStart(9, '0')}`;
  return { name, id: buildResidentId(region, birthDate, sequence), gender, phone };
}

type PersonColumn = 'name' | 'gender' | 'idNumber' | 'phone';

/** One person's cells and the values the analysis must return for them. */
interface PersonRow {
  cells: Record<PersonColumn, GenCell>;
  values: Record<string, string>;
}

/** A clean row already written, which a later duplicate copies. */
interface WrittenRow extends PersonRow {
  trade: string;
  team: string;
  sourceRow: number;
}

/** The cells and expected values of one person's row with one defect. */
function peopleRow(person: Person, defect: PeopleDefect | undefined, format: RosterFormat): PersonRow {
  const genderLabel = person.gender === 'M' ? '男' : '女';
  const cells: PersonRow['cells'] = {
    name: person.name,
    gender: genderLabel,
    idNumber: person.id,
    phone: person.phone,
  };
  const values: PersonRow['values'] = {
    name: person.name,
    gender: person.gender,
    idNumber: person.id,
    phone: person.phone,
  };
  // Sets a cell and the value the analysis must return for it (none when `value` is null).
  const set = (field: PersonColumn, cell: string | number, value: string | null = String(cell)): void => {
    cells[field] = cell;
    if (value === null) delete values[field];
    else values[field] = value;
  };
  const id = person.id;
  switch (defect) {
    case 'checksum':
      set('idNumber', id.slice(0, 17) + (id.endsWith('1') ? '2' : '1'));
      break;
    case 'id-length':
      set('idNumber', id.slice(0, 17));
      break;
    case 'id-characters':
      set('idNumber', `${id.slice(0, 10)}O${id.slice(11)}`);
      break;
    case 'id-birth-date':
      set('idNumber', buildResidentId(id.slice(0, 6), '1990-13-05', 11));
      break;
    case 'id-region':
      set('idNumber', buildResidentId('991234', '1990-01-05', 11));
      break;
    case 'id-missing':
      set('idNumber', '', null);
      break;
    case 'precision-lost': {
      const rounded = roundedId(id);
      set('idNumber', format === 'xlsx' ? Number(rounded) : rounded, rounded);
      break;
    }
    case 'precision-lost-scientific':
      set('idNumber', excelScientific(roundedId(id)));
      break;
    case 'name-missing':
      set('name', '', null);
      break;
    case 'gender-mismatch':
      set('gender', person.gender === 'M' ? '女' : '男', person.gender === 'M' ? 'F' : 'M');
      break;
    case 'gender-invalid':
      set('gender', '未知', null);
      break;
    case 'phone-invalid':
      set('phone', person.phone.slice(0, 10));
      break;
    case 'phone-formatted':
      set(
        'phone',
        `${person.phone.slice(0, 3)}-${person.phone.slice(3, 7)}-${person.phone.slice(7)}`,
        person.phone,
      );
      break;
    case 'phone-plus86':
      set(
        'phone',
        `+86 ${person.phone.slice(0, 3)} ${person.phone.slice(3, 7)} ${person.phone.slice(7)}`,
        person.phone,
      );
      break;
    case 'phone-missing':
      set('phone', '', null);
      break;
    case 'name-padded':
      set('name', ` ${person.name.slice(0, 1)} ${person.name.slice(1)}\u3000`, person.name);
      break;
    case 'id-15-digit':
    case 'id-15-digit-numeric': {
      const first = id.slice(0, 6) + id.slice(8, 17);
      set('idNumber', defect === 'id-15-digit-numeric' && format === 'xlsx' ? Number(first) : first, id);
      break;
    }
    case 'id-lowercase-x': {
      const withX = idEndingIn(id, /X$/);
      set('idNumber', withX.toLowerCase(), withX);
      break;
    }
    case 'id-full-width':
      set(
        'idNumber',
        id.replace(/[0-9X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
        id,
      );
      break;
    case 'id-spaces':
      set('idNumber', `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`, id);
      break;
    case 'id-apostrophe':
      set('idNumber', `'${id}`, id);
      break;
    case 'duplicate':
    case undefined:
      break;
  }
  return { cells, values };
}

/**
 * The ID as Excel keeps it in a General cell: 15 significant digits, then zeros. Only digits can be a number,
 * and a rounded number that happens to pass the checksum is a valid (other) ID, so both move to the next
 * sequence number.
 */
function roundedId(id: string): string {
  const digitsOnly = idEndingIn(id, /\d$/);
  const rounded = (((BigInt(digitsOnly) + 500n) / 1000n) * 1000n).toString();
  return parseResidentId(rounded).ok ? roundedId(nextSequence(digitsOnly)) : rounded;
}

/** How Excel shows a rounded ID in a narrow General column: 4.11627E+17. */
function excelScientific(rounded: string): string {
  return `${rounded[0]}.${rounded.slice(1, 6)}E+17`;
}

function idEndingIn(id: string, ending: RegExp): string {
  let candidate = id;
  while (!ending.test(candidate)) candidate = nextSequence(candidate);
  return candidate;
}

// The next sequence number of the same gender, so the gender column stays true.
function nextSequence(id: string): string {
  const sequence = (Number(id.slice(14, 17)) + 2) % 1000;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return buildResidentId(id.slice(0, 6), birthDate, sequence);
}

function spaced(code: string): string {
  return `${code.slice(0, 2)} ${code.slice(2, 8)} ${code.slice(8)}`.toLowerCase();
}

function problem(code: RosterProblemCode, duplicateOf?: number): ExpectedRow['problems'][number] {
  return { code, severity: PROBLEM_SEVERITY[code], ...(duplicateOf === undefined ? {} : { duplicateOf }) };
}

/** Collects the rows of one sheet with their source rows, what to expect of them, and encodes the file. */
class SheetBuilder {
  private readonly rows: GenCell[][] = [];
  private readonly expected: ExpectedRow[] = [];
  private readonly skipped: GeneratedRoster['skipped'] = [];
  private readonly firstRow = new Map<string, number>();

  constructor(private readonly width: number) {}

  /** Appends a row and returns its 1-based source row. */
  row(cells: GenCell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  title(text: string): number {
    return this.row([{ merged: text }]);
  }

  skip(cells: GenCell[], reason: SkipReason): void {
    this.skipped.push({ sourceRow: this.row(cells), reason });
  }

  expect(row: ExpectedRow): void {
    this.expected.push(row);
  }

  remember(key: string, sourceRow: number): void {
    if (!this.firstRow.has(key)) this.firstRow.set(key, sourceRow);
  }

  rowOf(key: string): number | undefined {
    return this.firstRow.get(key);
  }

  async build(
    stem: string,
    format: RosterFormat,
    kind: RosterKind,
    headerRow: number,
  ): Promise<GeneratedRoster> {
    const bytes = format === 'xlsx' ? await this.xlsx() : this.csv(format);
    const name = `${stem}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
    return { name, bytes, kind, headerRow, rows: this.expected, skipped: this.skipped };
  }

  private async xlsx(): Promise<Uint8Array> {
    const data = this.rows.map((row) =>
      row.flatMap((cell): XlsxCell[] => {
        if (cell === null || cell === '') return [null];
        if (typeof cell === 'number') return [{ value: cell, type: Number }];
        if (cell instanceof Date) return [{ value: cell, type: Date, format: 'yyyy-mm-dd' }];
        if (typeof cell === 'object') {
          return [{ value: cell.merged, columnSpan: this.width }, ...Array<null>(this.width - 1).fill(null)];
        }
        return [{ value: cell, type: String }];
      }),
    );
    const blob = await writeXlsxFile(data, { sheet: '花名册' }).toBlob();
    return new Uint8Array(await blob.arrayBuffer());
  }

  private csv(format: Exclude<RosterFormat, 'xlsx'>): Uint8Array {
    const lines = this.rows.map((row) => {
      const texts = row.map(csvText);
      while (texts.length < this.width) texts.push('');
      return texts.map(quoteCsv).join(',');
    });
    const text = `${lines.join('\r\n')}\r\n`;
    if (format === 'csv-gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
    const utf8 = new TextEncoder().encode(text);
    return format === 'csv-utf8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
  }
}

function csvText(cell: GenCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (cell instanceof Date) return `${cell.getUTCFullYear()}/${cell.getUTCMonth() + 1}/${cell.getUTCDate()}`;
  return typeof cell === 'object' ? cell.merged : cell;
}

function quoteCsv(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A deterministic choice spread over the items by a prime stride: rosters vary from row to row without random
 * numbers, and every run builds the same file.
 */
function choose<T>(items: readonly T[], n: number, stride: number): T {
  return items[(n * stride) % items.length]!;
}
