import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { labFiles } from './lab-files.js';

/** `path` in both cases: messages about a refused key name the file to check. */
export type HeketiAdminKey = { ok: true; key: string; path: string } | { ok: false; path: string; reason: string };

/**
 * The lab's Heketi admin key (secrets/heketi_admin_key), trimmed. An unreadable or empty
 * file is an answer, not a throw: callers must say so instead of sending an empty key.
 * The key itself is never part of `reason`.
 */
export async function readHeketiAdminKey(labDir: string): Promise<HeketiAdminKey> {
  const path = join(labDir, labFiles.heketiAdminKey);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, path, reason: code ?? (error instanceof Error ? error.message : String(error)) };
  }
  const key = text.trim();
  return key ? { ok: true, key, path } : { ok: false, path, reason: 'empty file' };
}
