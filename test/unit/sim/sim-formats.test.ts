import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { realSamplesDir, realSamplesPresent } from '../../setup/shared-samples.js';
import { banner, recapRow } from '../../../src/sim/ansible-play.js';
import { heketiQsh as qsh, verifyHeketiAuthorization } from '../../../src/tools/heketi-jwt.js';
import { parseKubectl } from '../../../src/sim/kubectl-argv-parser.js';
import { machineReadableLine } from '../../../src/sim/machine-readable-format.js';
import { parseCommand } from '../../../src/sim/vagrant-argv-parser.js';

const samples = `${realSamplesDir}/`;
const haveSamples = realSamplesPresent();

function token(key: string, claims: Record<string, unknown>): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc(claims);
  return `${head}.${body}.${createHmac('sha256', key).update(`${head}.${body}`).digest('base64url')}`;
}

describe('vagrant machine-readable encoding', () => {
  it('escapes commas and newlines the way the real status sample shows', () => {
    const line = machineReadableLine('one', 'state-human-long', ['The VM is powered off. To restart the VM, simply run `vagrant up`'], 1558217949);
    expect(line).toBe('1558217949,one,state-human-long,The VM is powered off. To restart the VM%!(VAGRANT_COMMA) simply run `vagrant up`');
    expect(machineReadableLine('', 'ui', ['info', 'a\nb\rc'], 1)).toBe('1,,ui,info,a\\nb\\rc');
  });
});

describe('ansible output layout', () => {
  it('pads banners to 80 columns like the real PLAY RECAP line', () => {
    expect(banner('PLAY RECAP')).toHaveLength(80);
    if (haveSamples) {
      const real = readFileSync(`${samples}vagrant-provision-ansible-unreachable-2node-metron.txt`, 'utf8').split('\n');
      expect(real).toContain(banner('PLAY RECAP'));
      expect(real).toContain(banner('TASK [fastcapa : Restart for modified kernel params]'));
    } else {
      console.warn('skipping the comparison with real samples: ../shared/samples/real is absent');
    }
  });
  it('lays out a recap row with the host in 26 columns and counts in 4', () => {
    expect(recapRow('sink', { ok: 11, changed: 9, unreachable: 1, failed: 0, skipped: 0, rescued: 0, ignored: 0 })).toBe(
      'sink                       : ok=11   changed=9    unreachable=1    failed=0    skipped=0    rescued=0    ignored=0   ',
    );
  });
});

/** The simulated Heketi's answer for a header: undefined when it passes, else its message. */
function checkHeketiAuth(header: string | undefined, method: string, path: string, keys: { admin: string }, now: number): string | undefined {
  const result = verifyHeketiAuthorization(header, keys, method, path, now);
  return result.ok ? undefined : result.message;
}

describe('Heketi JWT check (the one the simulated Heketi runs)', () => {
  const keys = { admin: 'secret-admin' };
  const now = 1_700_000_000;
  const good = { iss: 'admin', iat: now, exp: now + 600, qsh: qsh('GET', '/clusters') };
  it('lets a correctly signed admin token for this method and path through', () => {
    expect(checkHeketiAuth(`bearer ${token('secret-admin', good)}`, 'GET', '/clusters', keys, now)).toBeUndefined();
  });
  it("answers with Heketi's own wording otherwise", () => {
    expect(checkHeketiAuth(undefined, 'GET', '/clusters', keys, now)).toBe('Required authorization token not found');
    expect(checkHeketiAuth(`bearer ${token('wrong', good)}`, 'GET', '/clusters', keys, now)).toBe('Invalid JWT token: signature is invalid (client and server secrets may not match)');
    expect(checkHeketiAuth(`bearer ${token('secret-admin', good)}`, 'GET', '/volumes', keys, now)).toBe('Invalid qsh claim in token');
    expect(checkHeketiAuth(`bearer ${token('secret-admin', { ...good, iss: 'bob' })}`, 'GET', '/clusters', keys, now)).toBe('Invalid JWT token: Unknown user');
    expect(checkHeketiAuth(`bearer ${token('secret-admin', { ...good, exp: now - 5 })}`, 'GET', '/clusters', keys, now)).toBe('Invalid JWT token: Token is expired by 5s');
    expect(checkHeketiAuth(`bearer ${token('secret-admin', { ...good, exp: now - 125 })}`, 'GET', '/clusters', keys, now)).toBe('Invalid JWT token: Token is expired by 2m5s');
    expect(checkHeketiAuth(`bearer ${token('secret-admin', { ...good, iat: now + 121 })}`, 'GET', '/clusters', keys, now)).toBe(
      'Invalid JWT token: Token used before issued (client and server clocks may differ)',
    );
    expect(checkHeketiAuth(`bearer ${token('secret-admin', { ...good, iat: now + 120 })}`, 'GET', '/clusters', keys, now)).toBeUndefined();
    expect(checkHeketiAuth(`bearer ${token('secret-admin', { ...good, iss: '' })}`, 'GET', '/clusters', keys, now)).toBe('Invalid JWT token: Token missing iss claim');
    expect(checkHeketiAuth('bearer a.b', 'GET', '/clusters', keys, now)).toBe('Invalid JWT token: token contains an invalid number of segments');
    expect(verifyHeketiAuthorization('token abc', keys, 'GET', '/clusters', now)).toEqual({ ok: false, status: 400, message: 'Authorization header format must be Bearer {token}' });
  });
  it('hashes the method as received, as Heketi hashes r.Method: a lower-case method is another qsh', () => {
    expect(checkHeketiAuth(`bearer ${token('secret-admin', good)}`, 'get', '/clusters', keys, now)).toBe('Invalid qsh claim in token');
  });
});

describe('argument checking', () => {
  it('accepts the vagrant argument lists gluster-lab sends and refuses unknown options', () => {
    expect(parseCommand('destroy', ['--force', '--machine-readable'])).toBeDefined();
    expect(parseCommand('ssh', ['gluster1', '-c', 'sudo gluster peer status --xml'])?.values.get('--command')).toBe('sudo gluster peer status --xml');
    expect(parseCommand('up', ['--machine-readable', '--bogus'])).toBeUndefined();
    expect(parseCommand('validate', ['heketi'])).toBeUndefined();
  });
  it('takes kubectl global flags before the subcommand and reports unknown ones like kubectl', () => {
    const parsed = parseKubectl(['--context', 'kind-a', '--kubeconfig', '/k', 'get', 'pvc', '-n', 'ns', '-o', 'json']);
    expect(parsed.ok && parsed.args.values.get('--context')).toBe('kind-a');
    expect(parsed.ok && parsed.args.positional).toEqual(['pvc']);
    expect(parseKubectl(['get', 'pvc', '--bogus'])).toEqual({ ok: false, message: "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage." });
  });
});
