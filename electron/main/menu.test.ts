import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, contextMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[] | null): string[] {
  return (items ?? []).flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('applicationMenuTemplate', () => {
  it.each(['win32', 'linux'] as const)('shows no menu bar in a packaged build on %s', (platform) => {
    expect(applicationMenuTemplate({ platform, isPackaged: true })).toBeNull();
  });

  it.each(['win32', 'linux', 'darwin'] as const)(
    'offers devtools only when not packaged (%s)',
    (platform) => {
      expect(roles(applicationMenuTemplate({ platform, isPackaged: false }))).toContain('toggleDevTools');
      expect(roles(applicationMenuTemplate({ platform, isPackaged: true }))).not.toContain('toggleDevTools');
    },
  );

  it('keeps an Edit menu on macOS, where copy and paste shortcuts need one', () => {
    expect(roles(applicationMenuTemplate({ platform: 'darwin', isPackaged: true }))).toEqual(
      expect.arrayContaining(['copy', 'paste', 'selectAll']),
    );
  });
});

describe('contextMenuTemplate', () => {
  const flags = { canCut: true, canCopy: false, canPaste: true, canSelectAll: true };

  it('offers cut, copy, paste and select all in a field, enabled as the page allows', () => {
    const items = contextMenuTemplate({
      isEditable: true,
      selectionText: '',
      editFlags: { ...flags } as never,
    });
    expect(items.filter((item) => item.role).map((item) => [item.role, item.label, item.enabled])).toEqual([
      ['cut', '剪切', true],
      ['copy', '复制', false],
      ['paste', '粘贴', true],
      ['selectAll', '全选', true],
    ]);
  });

  it.each([
    ['310101199001011234', ['copy']],
    ['   ', []],
    ['', []],
  ])('outside a field with %j selected offers %j', (selectionText, expected) => {
    const items = contextMenuTemplate({ isEditable: false, selectionText, editFlags: { ...flags } as never });
    expect(roles(items)).toEqual(expected);
  });
});
