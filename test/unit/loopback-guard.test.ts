import { connect } from 'node:net';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

describe('the loopback guard every test runs under', () => {
  it('refuses a connection to the lab default address in the test process', () => {
    expect(() => connect({ host: '172.20.1.20', port: 8080 })).toThrow(/loopback guard/);
  });

  it('refuses it in a child Node process too', async () => {
    const child = await execa(process.execPath, ['-e', "fetch('http://172.20.1.20:8080/hello').catch((e) => { console.log(String(e.cause ?? e)); })"], { reject: false });
    expect(child.stdout).toContain('loopback guard');
  });

  it('lets loopback through', async () => {
    const socket = connect({ host: '127.0.0.1', port: 9 });
    await new Promise((resolve) => socket.on('error', resolve).on('connect', resolve));
    socket.destroy();
  });
});
