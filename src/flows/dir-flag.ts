import { isAbsolute, relative, resolve } from 'node:path';

/** ` --dir DIR` when later commands will not find the lab by default (./gluster-lab), else ''. */
export function dirFlag(labDir: string): string {
  if (labDir === resolve('gluster-lab')) return '';
  const rel = relative(process.cwd(), labDir);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : labDir;
  return ` --dir ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}
