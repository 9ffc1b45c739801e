import { describe, expect, it } from 'vitest';
import { generateUpLog } from '../../../bench/generate-up-log.js';
import { machineReadableEvents, recordToEvents, type VagrantEvent } from '../../../src/tools/vagrant-events.js';
import { parseMachineReadableLine } from '../../../src/tools/vagrant-machine-readable.js';
import { haveRealSamples, realSample, realSampleNames } from './real-samples.js';

// machineReadableEvents is the per-line path `vagrant up` uses; it must say exactly what
// the general parser followed by recordToEvents says, line for line.
function viaRecord(line: string): VagrantEvent[] | undefined {
  const record = parseMachineReadableLine(line);
  return record ? recordToEvents(record) : undefined;
}

function viaLinePath(line: string): VagrantEvent[] | undefined {
  const events: VagrantEvent[] = [];
  return machineReadableEvents(line, (event) => events.push(event)) ? events : undefined;
}

describe('machineReadableEvents gives the events of parseMachineReadableLine + recordToEvents', () => {
  const edgeCases = [
    '1,,ui,info,plain line',
    '1,gluster1,ui,info,==> gluster1: Booting VM...',
    '1,gluster1,ui,detail,    gluster1: SSH address: 127.0.0.1:2222',
    '1,gluster1,ui,output,==> other: not this machine',
    '1,,ui,info,TASK [x] ****\\n',
    '1,,ui,info,two\\nlines\\n',
    '1,,ui,info,a%!(VAGRANT_COMMA) b\\n',
    '1,,ui,info,a,b,c',
    '1,,ui,error,ends with backslash \\\\n',
    '1,,ui,info,Progress: 10%\\rProgress: 20%',
    // A lone % before a comma escape (box downloads, apt progress), and a doubled one.
    '1,,ui,info,Progress: 45% (Rate: 1k/s%!(VAGRANT_COMMA) Estimated time remaining: 0:01:02)',
    '1,,ui,info,50%%!(VAGRANT_COMMA) done\\n',
    // A level followed by its comma and nothing else (with and without a carriage return).
    '1,,ui,error,',
    '1,gluster1,ui,warn,\r',
    '1,,ui,info,\x1b[0;32mok: [gluster1]\x1b[0m',
    '1,,ui,info,carriage return\r',
    '1,,ui,shout,unknown level',
    '1,,ui,info',
    '1,,ui',
    '1,,ui,',
    '1,gluster1,action,up,start',
    '1,gluster1,metadata,provider,virtualbox',
    '1,,error-exit,Vagrant::Errors::X,it broke%!(VAGRANT_COMMA) badly\\nsecond line',
    '1,,uix,info,not ui',
    '1,,,info,no type',
    'x1,,ui,info,not a timestamp',
    ',,ui,info,no timestamp',
    '1,',
    '',
    '==> default: Booting VM...',
  ];
  it.each(edgeCases)('%j', (line) => {
    expect(viaLinePath(line)).toEqual(viaRecord(line));
  });

  it('on every line of the generated 2,000-line bring-up log', () => {
    for (const line of generateUpLog(2_000).split('\n')) expect(viaLinePath(line), line).toEqual(viaRecord(line));
  });

  it.skipIf(!haveRealSamples)('on every line of the real machine-readable samples', () => {
    const files = realSampleNames(/^vagrant-.*-mr-.*\.log$/);
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) for (const line of realSample(name).split('\n')) expect(viaLinePath(line), `${name}: ${line}`).toEqual(viaRecord(line));
  });
});
