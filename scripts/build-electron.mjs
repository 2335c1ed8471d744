// @ts-check
/**
 * Bundles the main process and the preload into dist/electron/ with rolldown:
 *   main.cjs     electron/main/index.ts with everything it imports (zod included), so the packaged app needs no
 *                node_modules (electron-builder.yml ships dist/** and package.json only)
 *   preload.cjs  electron/preload/index.ts; a sandboxed preload may require 'electron' and nothing else, which is
 *                checked after the build rather than discovered as a blank window
 *   icon.png     the window icon, copied from resources/ because resources/ is not shipped
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'rolldown';
import { REPO_ROOT } from './serve.mjs';

const OUT_DIR = path.join(REPO_ROOT, 'dist', 'electron');
const external = ['electron', /^electron\//, /^node:/, ...builtinModules];

/** @param {string} input @param {string} file */
function bundle(input, file) {
  return build({
    input: path.join(REPO_ROOT, input),
    platform: 'node',
    external,
    logLevel: 'warn',
    output: { file: path.join(OUT_DIR, file), format: 'cjs' },
  });
}

/** Fails the build when the preload requires anything a sandboxed preload cannot load. */
async function assertSandboxSafePreload() {
  const code = await readFile(path.join(OUT_DIR, 'preload.cjs'), 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  const forbidden = required.filter((name) => name !== 'electron');
  if (forbidden.length > 0) {
    throw new Error(
      `preload.cjs requires ${forbidden.join(', ')}; a sandboxed preload may only require 'electron'.`,
    );
  }
}

await rm(OUT_DIR, { recursive: true, force: true });
await mkdir(OUT_DIR, { recursive: true });
await Promise.all([
  bundle('electron/main/index.ts', 'main.cjs'),
  bundle('electron/preload/index.ts', 'preload.cjs'),
]);
await assertSandboxSafePreload();
await copyFile(path.join(REPO_ROOT, 'resources', 'icon.png'), path.join(OUT_DIR, 'icon.png'));
console.info(`Built ${path.relative(REPO_ROOT, OUT_DIR)}/main.cjs, preload.cjs and icon.png`);
