// Loaded into the test runner and, through NODE_OPTIONS, into every Node process a test
// starts (the CLI, the simulated tools): any TCP connection to an address that is not
// loopback throws at once. The lab's addresses — 192.168.56.x by default, 172.20.1.x on the
// original guide's network — and the internet must never receive a packet from a test,
// whatever a bug in the code under test does.
import net from 'node:net';

const loopback = (host) =>
  host === undefined || host === 'localhost' || host === '::1' || /^127\./.test(host) || /^::ffff:127\./.test(host);

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect() passes its already-normalised [options, callback] array as one argument.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null && !Array.isArray(first) ? first : undefined;
  const host = options ? options.host : typeof args[1] === 'string' ? args[1] : undefined;
  const path = options ? options.path : typeof first === 'string' && !/^\d+$/.test(first) ? first : undefined;
  if (path === undefined && !loopback(host)) {
    throw new Error(`loopback guard: a test tried to connect to ${host}; tests may only contact 127.0.0.1`);
  }
  return original.apply(this, args);
};
