import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diagnoseStream } from '../../../src/diagnosis/scan-log.js';

const target = 50 * 1024 * 1024;

/** About 50 MB of vagrant-like output with a known error every 10,000 lines. */
function* bigLog(): Generator<string> {
  let bytes = 0;
  let n = 0;
  let chunk = '';
  while (bytes < target) {
    const line =
      n % 10_000 === 9_999
        ? `    gluster${n % 3}: fatal: [gluster1]: FAILED! => {"msg": "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process ${n}"}\n`
        : `    gluster${n % 3}: TASK [glusterfs : install glusterfs-server] ${'*'.repeat(40)} line ${n}\n`;
    chunk += line;
    bytes += line.length;
    n++;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

describe('diagnoseStream on a 50 MB log', () => {
  it('reads it as a stream in bounded memory and keeps three evidence lines', async () => {
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed - before.heapUsed);
    }, 20);
    const findings = await diagnoseStream(Readable.from(bigLog()), { lang: 'en', os: 'linux' });
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before.heapUsed);

    expect(findings.map((f) => f.id)).toEqual(['apt-lock']);
    expect(findings[0]?.evidence).toHaveLength(3);
    expect(findings[0]?.evidence[0]).toContain('It is held by process 9999');
    // Holding the log would cost at least 50 MB (twice that as UTF-16 strings).
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  }, 120_000);
});
