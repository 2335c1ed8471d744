import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { fieldLabel } from './field-labels';

describe('fieldLabel', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  it.each([
    ['people', 'name', '姓名', 'Name'],
    ['enterprises', 'name', '名称', 'Name'],
    ['attendance', 'checkInAt', '签到时间', 'Check-in'],
    ['certificates', 'voidReason', '作废原因', 'Void reason'],
    ['enterprises', 'safetyOfficerIds', '安全管理人员', 'Safety officers'],
    // Unknown and prototype names are shown as stored, never as something inherited.
    ['people', 'someNewField', 'someNewField', 'someNewField'],
    ['people', 'toString', 'toString', 'toString'],
  ])('%s.%s is %s / %s', (table, field, chinese, english) => {
    expect(fieldLabel(zh, table, field)).toBe(chinese);
    expect(fieldLabel(en, table, field)).toBe(english);
  });
});
