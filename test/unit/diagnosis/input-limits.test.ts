import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diagnoseInput } from '../../../src/diagnosis/scan-log.js';

describe('diagnoseInput limits and encodings', () => {
  it('stops a stream that stays silent after the time limit, with what it read so far', async () => {
    const input = new PassThrough();
    input.write('VERR_VMX_NO_VMX\n');
    const started = Date.now();
    const read = await diagnoseInput(input, { lang: 'en', maxMs: 300 });
    expect(read.stopped).toBe('time');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(read.findings.map((f) => f.id)).toEqual(['vtx-not-available']);
  });

  it('stops on the signal, and says the reading was interrupted', async () => {
    const input = new PassThrough();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const read = await diagnoseInput(input, { lang: 'en', signal: stop.signal });
    expect(read.stopped).toBe('interrupted');
  });

  it('reads no further than maxBytes, cutting inside a chunk', async () => {
    const read = await diagnoseInput(Readable.from([Buffer.from('line one\nline two\nVERR_VMX_NO_VMX\n')]), { lang: 'en', maxBytes: 18 });
    expect(read).toMatchObject({ stopped: 'size', bytesRead: 18, textLines: 2, findings: [] });
  });

  it('reads a UTF-16LE log with its byte-order mark (Windows PowerShell `>`) as text', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Stderr: VBoxManage.exe: error: VT-x is not available (VERR_VMX_NO_VMX)\r\n', 'utf16le')]);
    const read = await diagnoseInput(Readable.from([text]), { lang: 'en' });
    expect(read.binary).toBeUndefined();
    expect(read.findings.map((f) => f.id)).toEqual(['vtx-not-available']);
  });

  it('calls input with a NUL byte in its first 8000 bytes binary, and matches nothing in it', async () => {
    const read = await diagnoseInput(Readable.from([Buffer.concat([Buffer.from('VERR_VMX_NO_VMX\n'), Buffer.alloc(10)])]), { lang: 'en' });
    expect(read).toMatchObject({ binary: true, findings: [] });
  });
});
