import { toHalfWidth } from '../domain/code-input';

/**
 * The columns a roster can have. Each becomes the value key of the same name, except `seq` (the sequence column,
 * recognised only so that it is not mistaken for data) and `role`/`position` (see analyze-roster).
 */
export const ROSTER_FIELDS = [
  'seq',
  'name',
  'idNumber',
  'gender',
  'phone',
  'enterpriseName',
  'creditCode',
  'role',
  'position',
  'trade',
  'team',
  'town',
  'industry',
  'nativePlace',
  'education',
  'lastTrainingDate',
  'remark',
] as const;

export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Which 0-based column holds each field. */
export type ColumnMap = Partial<Record<RosterField, number>>;

// Header names as site offices, enterprises and web systems write them, after normaliseHeader.
const SYNONYMS: Record<RosterField, readonly string[]> = {
  seq: ['序号', '序', '编号', 'no', 'no.'],
  name: [
    '姓名',
    '名字',
    '学员姓名',
    '人员姓名',
    '员工姓名',
    '职工姓名',
    '工人姓名',
    '负责人姓名',
    '参训人员',
  ],
  idNumber: [
    '身份证号',
    '身份证号码',
    '身份证',
    '证件号码',
    '证件号',
    '公民身份号码',
    '公民身份证号码',
    '居民身份证号码',
    '身份证件号码',
  ],
  gender: ['性别'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '电话号码', '联系方式', '移动电话', '联系手机'],
  enterpriseName: [
    '单位',
    '企业名称',
    '工作单位',
    '单位名称',
    '公司名称',
    '所在单位',
    '所在企业',
    '企业',
    '公司',
    '用人单位',
    '施工单位',
    '所属单位',
  ],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', '统一信用代码', '组织机构代码'],
  role: ['人员类别', '类别', '人员类型', '培训类别', '身份类别', '人员身份'],
  position: ['职务', '职位', '岗位职务'],
  trade: ['工种', '岗位', '岗位工种', '工种岗位', '作业类别'],
  team: ['班组', '所在班组', '班组名称', '所属班组'],
  town: [
    '所属镇街',
    '镇街',
    '镇(街道)',
    '镇街道',
    '所属镇(街道)',
    '乡镇',
    '乡镇街道',
    '街道',
    '所属街道',
    '所属镇',
  ],
  industry: ['行业类别', '行业', '所属行业', '行业类型', '行业分类'],
  nativePlace: ['籍贯', '户籍地', '户籍所在地', '户籍地址'],
  education: ['文化程度', '学历'],
  lastTrainingDate: ['上次培训日期', '上次培训时间', '最近培训日期', '最近一次培训日期'],
  remark: ['备注', '说明'],
};

const EXACT = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((field) => SYNONYMS[field].map((label) => [label, field] as const)),
);

// For longer or decorated labels ("身份证号码（必填）", "施工单位名称"); order matters: the first match wins.
const KEYWORDS: ReadonlyArray<readonly [RegExp, RosterField]> = [
  [/身份证|证件号|身份号码/, 'idNumber'],
  [/信用代码/, 'creditCode'],
  [/手机|电话/, 'phone'],
  [/姓名/, 'name'],
  [/性别/, 'gender'],
  [/工种/, 'trade'],
  [/班组/, 'team'],
  [/(企业|单位|公司)(名称)?$/, 'enterpriseName'],
  [/镇|街道/, 'town'],
  [/行业/, 'industry'],
  [/职务|职位/, 'position'],
  [/类别|类型/, 'role'],
  [/籍贯|户籍/, 'nativePlace'],
];
// Labels that contain a keyword but are not that field: someone else's phone, the kind of document.
const NOT_A_FIELD = /紧急|联系人|证件(类型|种类)/;
const MAX_KEYWORD_LABEL = 12;

/** Header text reduced to what identifies it: no spaces, markers, colons or parenthesised notes. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[*:]/g, '')
    .replace(/\((必填|选填|必须|可选|[^)]*填[^)]*)\)$/, '')
    .toLowerCase();
}

/** The field a header cell names, or null. */
export function fieldForHeader(text: string): RosterField | null {
  const label = normalizeHeader(text);
  if (label === '') return null;
  const exact = EXACT.get(label);
  if (exact) return exact;
  if (label.length > MAX_KEYWORD_LABEL || NOT_A_FIELD.test(label)) return null;
  return KEYWORDS.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}

/**
 * Maps header cells to fields by their synonyms. When two columns name the same field the leftmost wins, as
 * a reader of the sheet would assume.
 */
export function detectColumns(headerCells: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  headerCells.forEach((text, column) => {
    const field = fieldForHeader(text);
    if (field && map[field] === undefined) map[field] = column;
  });
  return map;
}

/** How many data fields (not `seq`) a mapping recognises; a header row needs a name or ID column and one more. */
export function headerScore(map: ColumnMap): number {
  if (map.name === undefined && map.idNumber === undefined) return 0;
  const fields = Object.keys(map).filter((field) => field !== 'seq').length;
  return fields >= 2 ? fields : 0;
}
