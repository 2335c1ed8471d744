/** One record of a delimited text file and the 1-based line it starts on (a quoted field may span lines). */
export interface TextRecord {
  line: number;
  fields: string[];
}

const DELIMITERS = [',', '\t', ';'] as const;
const SNIFF_LINES = 20;

/**
 * Decodes the bytes of a text roster. Excel on a Chinese Windows saves "CSV" in the ANSI code page (GBK), and
 * "CSV UTF-8" with a BOM; other tools write UTF-8 without one, and "Unicode text" is UTF-16. A byte order mark
 * decides; otherwise text that is valid UTF-8 is UTF-8 (GBK text with Chinese in it practically never is),
 * and anything else is GB18030, the superset of GBK and GB2312.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The UTF-8 decoder drops a leading BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The field separator: the candidate seen most often outside quotes in the first lines. Excel writes commas in
 * CSV, tabs in "Unicode text" and in the .xls files that web systems export, and semicolons in some locales.
 */
export function sniffDelimiter(text: string): string {
  const head = text.split(/\r\n|\r|\n/, SNIFF_LINES).join('\n');
  const unquoted = head.replace(/"[^"]*"/g, '');
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = unquoted.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/**
 * Splits delimited text into records (RFC 4180: quoted fields with doubled quotes, line breaks inside quotes;
 * CRLF, LF or CR line ends). Lenient where Excel and hand edits are: text after a closing quote is kept, an
 * unterminated quote runs to the end, and Excel's `="0123"` text-preserving trick is unwrapped. Empty lines
 * are kept as records with one empty field, so every line number stays addressable; a final line break does
 * not start a record.
 */
export function parseDelimited(text: string, delimiter = sniffDelimiter(text)): TextRecord[] {
  const records: TextRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const special = new RegExp(`[${delimiter.replace(/[\\\]^-]/g, '\\$&')}\\r\\n]`, 'g');
  const endField = (): void => {
    fields.push(unwrapFormulaText(field));
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      const close = readQuoted(text, i + 1);
      field = close.value;
      line += close.lineBreaks;
      i = close.end;
    } else if (ch === delimiter) {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      // Plain text runs to the next delimiter or line end; slicing it whole keeps 10,000-row files fast.
      special.lastIndex = i + 1;
      const end = special.exec(text)?.index ?? text.length;
      field += text.slice(i, end);
      i = end;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Reads a quoted field from just after its opening quote; `end` is the index after the closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number; lineBreaks: number } {
  let value = '';
  let lineBreaks = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      if (text[i + 1] !== '"') return { value, end: i + 1, lineBreaks };
      value += '"';
      i += 2;
      continue;
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) lineBreaks += 1;
    value += ch;
    i += 1;
  }
  return { value, end: i, lineBreaks };
}

// Excel users type ="0123" to keep leading zeros and long numbers as text; the value is what is inside.
function unwrapFormulaText(field: string): string {
  const match = /^="(.*)"$/s.exec(field);
  return match ? match[1]!.replaceAll('""', '"') : field;
}
