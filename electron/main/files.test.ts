import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_NAME, pdfFileName, sanitizeFileName, withPdfExtension } from './files';

describe('sanitizeFileName', () => {
  it.each([
    ['2024年第3期 安全生产培训 签到表', '2024年第3期 安全生产培训 签到表'],
    // A full-width colon is legal everywhere and reads better than "_".
    ['合格证书：张三/李四', '合格证书：张三_李四'],
    ['a<b>c:d"e/f\\g|h?i*j', 'a_b_c_d_e_f_g_h_i_j'],
    ['..\\..\\Windows\\System32\\evil', '.._.._Windows_System32_evil'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['tab\tand\nnewline', 'tab and newline'],
    ['control\u0001char', 'control_char'],
    ['  padded name.  ', 'padded name'],
    ['trailing dots...', 'trailing dots'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['CONSOLE', 'CONSOLE'],
    ['', DEFAULT_FILE_NAME],
    ['   ', DEFAULT_FILE_NAME],
    ['???', DEFAULT_FILE_NAME],
    ['...', DEFAULT_FILE_NAME],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('keeps a long Chinese name under 200 bytes of UTF-8, cutting between characters', () => {
    const name = sanitizeFileName('安'.repeat(300));
    expect(new TextEncoder().encode(name).byteLength).toBeLessThanOrEqual(200);
    expect(name).toBe('安'.repeat(66));
  });

  it('never cuts a surrogate pair in half', () => {
    const name = sanitizeFileName('𠀀'.repeat(100));
    expect(name).toBe('𠀀'.repeat(50));
  });
});

describe('pdfFileName', () => {
  it.each([
    ['证书 张三', '证书 张三.pdf'],
    ['证书 张三.pdf', '证书 张三.pdf'],
    ['report.PDF', 'report.pdf'],
    ['', `${DEFAULT_FILE_NAME}.pdf`],
    ['a/b', 'a_b.pdf'],
  ])('%j -> %j', (input, expected) => {
    expect(pdfFileName(input)).toBe(expected);
  });
});

describe('withPdfExtension', () => {
  it.each([
    ['/home/li/Documents/证书', '/home/li/Documents/证书.pdf'],
    ['/home/li/Documents/证书.pdf', '/home/li/Documents/证书.pdf'],
    ['C:\\Users\\li\\Documents\\x.PDF', 'C:\\Users\\li\\Documents\\x.PDF'],
  ])('%s -> %s', (input, expected) => {
    expect(withPdfExtension(input)).toBe(expected);
  });
});
