// The NFS client of the real-daemon tests: userspace libnfs (this kernel has no NFS client).
// libnfs-utils' nfs-cat reads; nfs-op.c, compiled here with gcc against libnfs-dev, does what
// libnfs-utils cannot (mkdir, chmod, write as a given uid, stat). Both run inside the test's
// network namespace, where the server's loopback address lives.
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { must, type NetNamespace, type NsResult } from './netns.js';

/** Compiles nfs-op.c into `dir`; returns the program's path. */
export async function buildNfsOp(dir: string): Promise<string> {
  const out = join(dir, 'nfs-op');
  const result = await execa('gcc', ['-O1', '-Wall', '-Wextra', '-Werror', '-o', out, resolve(import.meta.dirname, 'nfs-op.c'), '-lnfs'], { reject: false, stdin: 'ignore', timeout: 120_000, all: true });
  if (result.exitCode !== 0) throw new Error(`gcc nfs-op.c failed (apt-get install gcc libnfs-dev):\n${String(result.all)}`);
  return out;
}

interface NfsUser {
  version: 3 | 4;
  uid?: number;
  gid?: number;
}

/** libnfs's URL of an export, with its own options: ?version=…&uid=…&gid=… */
function nfsUrl(server: string, exportPath: string, user: NfsUser, file = ''): string {
  const options = [`version=${user.version}`, ...(user.uid === undefined ? [] : [`uid=${user.uid}`]), ...(user.gid === undefined ? [] : [`gid=${user.gid}`])];
  return `nfs://${server}${exportPath}${file}?${options.join('&')}`;
}

export class NfsClient {
  constructor(
    private readonly ns: NetNamespace,
    private readonly nfsOp: string,
    private readonly server: string,
    private readonly exportPath: string,
  ) {}

  /** One nfs-op operation on `path` (relative to the export's root) as `user`. */
  op(user: NfsUser, path: string, operation: 'mkdir' | 'chmod' | 'write' | 'stat', arg?: string): Promise<NsResult> {
    return this.ns.run([this.nfsOp, nfsUrl(this.server, this.exportPath, user), path, operation, ...(arg === undefined ? [] : [arg])], { timeoutMs: 30_000 });
  }

  /** Mode and owner as nfs-op prints them ("mode=0755 uid=0 gid=0 size=…"), read as root over NFSv4. */
  async stat(path: string): Promise<{ mode: number; uid: number; gid: number; size: number }> {
    const out = must(await this.op({ version: 4 }, path, 'stat'), `stat ${path}`).stdout;
    const field = (name: string) => new RegExp(`\\b${name}=(\\S+)`).exec(out)?.[1] ?? '';
    return { mode: Number.parseInt(field('mode'), 8), uid: Number(field('uid')), gid: Number(field('gid')), size: Number(field('size')) };
  }

  /** The file's content through libnfs-utils' nfs-cat. */
  async cat(user: NfsUser, path: string): Promise<NsResult> {
    return this.ns.run(['nfs-cat', nfsUrl(this.server, this.exportPath, user, path)], { timeoutMs: 30_000 });
  }
}
