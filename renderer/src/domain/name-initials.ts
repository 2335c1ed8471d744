import { pinyin } from 'pinyin-pro';

const LETTER = /^[a-z]$/i;

/**
 * The pinyin initials a coordinator types to find a name (`zsf` for 张三丰), upper-case. A name whose surname reads
 * differently as a surname (曾 zeng/ceng, 单 shan/dan, 解 xie/jie) gets both spellings, the surname reading first,
 * so whichever the coordinator has in mind finds it. Latin letters are kept as they are (foreign names on
 * passports); spaces, the middle dot of minority names (买买提·艾力) and other marks are dropped.
 */
export function nameInitials(name: string): string[] {
  const keys = [
    initialsOf(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })),
    initialsOf(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })),
  ].filter((key) => key !== '');
  return [...new Set(keys)];
}

function initialsOf(parts: string[]): string {
  return parts
    .map((part) => part.charAt(0))
    .filter((ch) => LETTER.test(ch))
    .join('')
    .toUpperCase();
}
