import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of gluster-lab's own package.json: where assets/, k8s-yaml/ and
 * provisioning/ live. Found by walking up, so it works from src/ (tests) and from the
 * bundled dist/ alike.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gluster-lab') {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gluster-lab: cannot find the package folder (package.json named gluster-lab)');
    dir = parent;
  }
}
