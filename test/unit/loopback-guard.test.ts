import { connect } from 'node:net';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

describe('the loopback guard every test runs under', () => {
  // Both lab networks: the default 192.168.56.0/24 and the original guide's 172.20.1.0/24.
  const labAddresses = ['192.168.56.20', '192.168.56.23', '172.20.1.20'];

  it.each(labAddresses)('refuses a connection to the lab address %s in the test process', (host) => {
    expect(() => connect({ host, port: 8080 })).toThrow(/loopback guard: a test tried to connect to/);
  });

  it.each(labAddresses)('refuses %s in a child Node process too', async (host) => {
    const child = await execa(process.execPath, ['-e', `fetch('http://${host}:8080/hello').catch((e) => { console.log(String(e.cause ?? e)); })`], { reject: false, timeout: 20_000 });
    expect(child.stdout).toContain(`loopback guard: a test tried to connect to ${host}`);
  });

  it('lets loopback through', async () => {
    const socket = connect({ host: '127.0.0.1', port: 9 });
    await new Promise((resolve) => socket.on('error', resolve).on('connect', resolve));
    socket.destroy();
  });
});
