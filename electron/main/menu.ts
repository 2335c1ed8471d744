import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

const EDIT_LABELS = {
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
} as const;

function editItem(role: keyof typeof EDIT_LABELS, enabled = true): MenuItemConstructorOptions {
  return { role, label: EDIT_LABELS[role], enabled };
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

const DEVELOPER_MENU: MenuItemConstructorOptions = {
  label: '开发',
  submenu: [
    { role: 'reload', label: '重新加载' },
    { role: 'forceReload', label: '强制重新加载' },
    { role: 'toggleDevTools', label: '开发者工具' },
  ],
};

/**
 * The application menu, or null for none. Windows and Linux get no menu bar: the app has its own navigation, and
 * Electron's default English menu would only confuse. macOS keeps an app and Edit menu because copy and paste
 * shortcuts only work there through menu items. Unpackaged builds add a developer menu (reload, devtools), whose
 * shortcuts also need a menu to exist.
 */
export function applicationMenuTemplate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
}): MenuItemConstructorOptions[] | null {
  const developer = options.isPackaged ? [] : [DEVELOPER_MENU];
  if (options.platform === 'darwin') {
    return [
      { role: 'appMenu' },
      {
        label: '编辑',
        submenu: [
          editItem('undo'),
          editItem('redo'),
          SEPARATOR,
          editItem('cut'),
          editItem('copy'),
          editItem('paste'),
          editItem('selectAll'),
        ],
      },
      { role: 'windowMenu', label: '窗口' },
      ...developer,
    ];
  }
  return developer.length > 0 ? developer : null;
}

/**
 * The right-click menu. Electron has none by default, and staff expect to paste ID numbers into fields; only the
 * items that apply where they clicked are shown.
 */
export function contextMenuTemplate(
  params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>,
): MenuItemConstructorOptions[] {
  if (params.isEditable) {
    return [
      editItem('cut', params.editFlags.canCut),
      editItem('copy', params.editFlags.canCopy),
      editItem('paste', params.editFlags.canPaste),
      SEPARATOR,
      editItem('selectAll', params.editFlags.canSelectAll),
    ];
  }
  return params.selectionText.trim() === '' ? [] : [editItem('copy')];
}
