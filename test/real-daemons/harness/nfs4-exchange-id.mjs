// Sends one NFSv4 COMPOUND holding EXCHANGE_ID (RFC 8881 §18.35) at a minor version and prints
// the server's answer as JSON: {"compound":N,"op":N|null}. NFS4_OK (0) for EXCHANGE_ID means
// the server speaks that minor version; NFS4ERR_MINOR_VERS_MISMATCH (10021) means it does not.
// libnfs 4.0 speaks NFSv4.0 only; this is how a test shows a server accepts NFSv4.1.
//
//   node nfs4-exchange-id.mjs HOST PORT MINOR
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { connect } from 'node:net';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';

const [host, port, minor] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const words = [];
const u32 = (n) => words.push(Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]));
const opaque = (buf) => {
  u32(buf.length);
  words.push(buf, Buffer.alloc((4 - (buf.length % 4)) % 4));
};

const xid = 0x474c0001;
u32(xid);
u32(0); // CALL
u32(2); // RPC version
u32(100003); // NFS
u32(4);
u32(1); // NFSPROC4_COMPOUND
// AUTH_SYS credential: stamp, machine name, uid 0, gid 0, no groups.
const cred = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from([0, 0, 0, 4]), Buffer.from('test'), Buffer.alloc(12)]);
u32(1);
opaque(cred);
u32(0); // verifier AUTH_NONE
u32(0);
opaque(Buffer.alloc(0)); // tag
u32(minor);
u32(1); // one operation
u32(42); // OP_EXCHANGE_ID
words.push(Buffer.from('gl-test!')); // co_verifier (8 bytes)
opaque(Buffer.from(`gluster-lab-test-${process.pid}`)); // co_ownerid
u32(0); // eia_flags
u32(0); // SP4_NONE
u32(0); // no implementation id
const body = Buffer.concat(words);
const mark = Buffer.alloc(4);
mark.writeUInt32BE((0x80000000 | body.length) >>> 0);

const socket = connect({ host, port }, () => socket.write(Buffer.concat([mark, body])));
const chunks = [];
const timer = setTimeout(() => {
  console.error('no answer within 10 s');
  process.exit(1);
}, 10_000);
socket.on('data', (chunk) => {
  chunks.push(chunk);
  const reply = Buffer.concat(chunks);
  if (reply.length < 4 || reply.length < 4 + (reply.readUInt32BE(0) & 0x7fffffff)) return;
  clearTimeout(timer);
  let at = 4;
  const next = () => {
    const value = reply.readUInt32BE(at);
    at += 4;
    return value;
  };
  const skipOpaque = () => {
    const length = next();
    at += Math.ceil(length / 4) * 4;
  };
  if (next() !== xid || next() !== 1) throw new Error('not a reply to this call');
  if (next() !== 0) throw new Error('RPC call denied');
  next(); // verifier flavor
  skipOpaque();
  const accept = next();
  if (accept !== 0) throw new Error(`RPC accept_stat ${accept}`);
  const compound = next();
  skipOpaque(); // tag
  const results = next();
  let op = null;
  if (results > 0) {
    next(); // resop
    op = next();
  }
  console.log(JSON.stringify({ compound, op }));
  socket.end();
});
socket.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
