/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Test helper: registers the cross-checks against `../shared/fixtures/<name>` beside the repository (resolved
 * from the working directory, the repo root under Vitest). When the shared folder is absent it logs one line
 * instead, so the project's own tests never depend on it. Not for app code: it uses node:fs.
 */
export function describeSharedFixture<T>(name: string, register: (fixtures: T) => void): void {
  const path = resolve(process.cwd(), '..', 'shared', 'fixtures', name);
  if (existsSync(path)) {
    const fixtures = JSON.parse(readFileSync(path, 'utf8')) as T;
    describe(`shared fixtures: ${path}`, () => register(fixtures));
    return;
  }
  console.info(`Shared fixtures not found at ${path}; skipping the cross-check.`);
  // Vitest fails a file that registers no test at all, so the absence itself is what gets asserted.
  it(`runs without ${name}`, () => {
    expect(existsSync(path)).toBe(false);
  });
}
