import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Heketi's request signing (heketi/heketi client/api/go-client/client.go `setToken`,
 * checked by middleware/jwt.go): an HS256 JWT signed with the user's key, claims
 * `iss` (user name: "admin" or "user"), `iat`, `exp` (5 minutes later) and `qsh`,
 * the hex SHA-256 of `METHOD&PATH` (path without the query), sent as
 * `Authorization: bearer TOKEN`.
 */
export function heketiQsh(method: string, path: string): string {
  return createHash('sha256').update(`${method.toUpperCase()}&${path}`).digest('hex');
}

const TOKEN_LIFETIME_S = 5 * 60;
/** Heketi accepts an `iat` up to this far in the future (HEKETI_JWT_IAT_LEEWAY_SECONDS). */
const IAT_LEEWAY_S = 120;

export function heketiToken(user: string, key: string, method: string, path: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({ iss: user, iat: nowSeconds, exp: nowSeconds + TOKEN_LIFETIME_S, qsh: heketiQsh(method, path) }),
  );
  return `${header}.${claims}.${sign(`${header}.${claims}`, key)}`;
}

export type HeketiAuthResult = { ok: true; issuer: string } | { ok: false; status: 400 | 401; message: string };

/**
 * Checks an Authorization header the way Heketi's middleware does, with Heketi's own
 * error sentences. For the simulated Heketi and for tests of the client.
 */
export function verifyHeketiAuthorization(
  header: string | undefined,
  keys: { admin: string; user: string },
  method: string,
  path: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): HeketiAuthResult {
  if (!header) return { ok: false, status: 401, message: 'Required authorization token not found' };
  const parts = header.split(' ');
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'bearer') {
    return { ok: false, status: 400, message: 'Authorization header format must be Bearer {token}' };
  }
  const [encodedHeader = '', encodedClaims = '', signature = ''] = (parts[1] ?? '').split('.');
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown; qsh?: unknown };
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    claims = JSON.parse(Buffer.from(encodedClaims, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return { ok: false, status: 401, message: 'Invalid JWT token: token contains an invalid number of segments' };
  }
  if (typeof alg !== 'string' || !alg.startsWith('HS')) return invalid(`Unexpected signing method: ${String(alg)}`);
  if (typeof claims.iss !== 'string' || claims.iss === '') return invalid('Token missing iss claim');
  const key = claims.iss === 'admin' ? keys.admin : claims.iss === 'user' ? keys.user : undefined;
  if (key === undefined) return invalid('Unknown user');
  if (!sameSignature(sign(`${encodedHeader}.${encodedClaims}`, key), signature)) {
    return invalid('signature is invalid (client and server secrets may not match)');
  }
  if (typeof claims.exp !== 'number' || nowSeconds > claims.exp) return invalid('Token is expired');
  if (typeof claims.iat === 'number' && nowSeconds < claims.iat - IAT_LEEWAY_S) {
    return invalid('Token used before issued (client and server clocks may differ)');
  }
  if (claims.qsh !== heketiQsh(method, path)) return { ok: false, status: 401, message: 'Invalid qsh claim in token' };
  return { ok: true, issuer: claims.iss };
}

function invalid(reason: string): HeketiAuthResult {
  return { ok: false, status: 401, message: `Invalid JWT token: ${reason}` };
}

function sign(input: string, key: string): string {
  return createHmac('sha256', key).update(input).digest('base64url');
}

function sameSignature(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
