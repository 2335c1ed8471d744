import type { SafeTrainDb } from './database';
import type { DbContext } from './context';
import type { SettingRecord } from './records';
import { getAppSettings } from './settings-repo';
import {
  DEFAULT_CERTIFICATE_TITLES,
  type CertificateKind,
  type CertificatePageSize,
  type CertificateTemplate,
} from '../domain/certificate-snapshot';

/**
 * The certificate template (titles, layout, signature line, seal) is its own settings record, so that it merges
 * apart from the rest of the settings. The issuing body stays in the app settings where it always was.
 */
export interface TemplateSettings {
  titles: Record<CertificateKind, string>;
  pageSize: CertificatePageSize;
  signatureLine: string;
  /** SHA-256 of the seal PNG, whose bytes are in the settings record `seal:<hash>`. */
  sealHash?: string;
}

/** A seal image: stored once under its own hash and never deleted, so that every certificate naming it can print it. */
export interface SealImage {
  mimeType: 'image/png';
  /** The PNG as a data: URL (what an <img> takes). */
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
}

const TEMPLATE = 'certificate-template';
const SEAL_PREFIX = 'seal:';
/** A scanned seal at 600 dpi is well under this; more is a photo of a page, not a seal. */
export const MAX_SEAL_BYTES = 1024 * 1024;

export function defaultTemplateSettings(): TemplateSettings {
  return { titles: { ...DEFAULT_CERTIFICATE_TITLES }, pageSize: 'A4', signatureLine: '' };
}

export async function getTemplateSettings(db: SafeTrainDb): Promise<TemplateSettings> {
  const record = (await db.settings.get(TEMPLATE)) as SettingRecord<Partial<TemplateSettings>> | undefined;
  const stored = record?.value ?? {};
  const defaults = defaultTemplateSettings();
  return { ...defaults, ...stored, titles: { ...defaults.titles, ...(stored.titles ?? {}) } };
}

/** The template as certificates issued now freeze it: the settings plus the issuing body. */
export async function currentTemplate(db: SafeTrainDb): Promise<CertificateTemplate> {
  const [settings, template] = await Promise.all([getAppSettings(db), getTemplateSettings(db)]);
  return {
    issuingBody: settings.issuingBody,
    titles: template.titles,
    pageSize: template.pageSize,
    signatureLine: template.signatureLine,
    ...(template.sealHash ? { sealHash: template.sealHash } : {}),
  };
}

export async function saveTemplateSettings(ctx: DbContext, value: TemplateSettings): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.settings, async () => {
    const record = await db.settings.get(TEMPLATE);
    const at = ctx.now().toISOString();
    await db.settings.put({
      id: TEMPLATE,
      value,
      createdAt: record?.createdAt ?? at,
      updatedAt: at,
      deviceId: ctx.deviceId,
    });
  });
}

export class SealImageError extends Error {
  constructor(readonly reason: 'not-png' | 'too-large') {
    super(`seal image refused: ${reason}`);
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** SHA-256 of the file itself, so that `sha256sum seal.png` names the same record. */
async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Stores a seal PNG under its SHA-256 (once, however often it is uploaded) and returns the hash, which the
 * template then names. Records of seals are never deleted: old certificates keep printing with their seal.
 */
export async function storeSealImage(ctx: DbContext, bytes: Uint8Array): Promise<string> {
  const size = pngSize(bytes);
  if (!size) throw new SealImageError('not-png');
  if (bytes.length > MAX_SEAL_BYTES) throw new SealImageError('too-large');
  const dataUrl = `data:image/png;base64,${toBase64(bytes)}`;
  const hash = await sha256OfBytes(bytes);
  const { db } = ctx;
  await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(SEAL_PREFIX + hash)) return;
    const at = ctx.now().toISOString();
    const value: SealImage = { mimeType: 'image/png', dataUrl, ...size, bytes: bytes.length };
    await db.settings.add({
      id: SEAL_PREFIX + hash,
      value,
      createdAt: at,
      updatedAt: at,
      deviceId: ctx.deviceId,
    });
  });
  return hash;
}

/** The seal images with these hashes (missing ones left out), for a batch of certificates. */
export async function getSealImages(
  db: SafeTrainDb,
  hashes: Iterable<string>,
): Promise<Map<string, SealImage>> {
  const unique = [...new Set(hashes)];
  const records = (await db.settings.bulkGet(unique.map((h) => SEAL_PREFIX + h))) as Array<
    SettingRecord<SealImage> | undefined
  >;
  const found = new Map<string, SealImage>();
  records.forEach((record, i) => {
    const hash = unique[i];
    if (record && hash) found.set(hash, record.value);
  });
  return found;
}
