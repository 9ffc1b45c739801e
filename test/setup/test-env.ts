import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './loopback-guard.mjs';

// Children inherit the guard (see loopback-guard.mjs) through NODE_OPTIONS.
const guard = pathToFileURL(resolve(import.meta.dirname, 'loopback-guard.mjs')).href;
if (!process.env.NODE_OPTIONS?.includes(guard)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${guard}`.trim();
}
// Real vagrant must not phone home for its version checkpoint, and kubectl must not find
// a developer's real cluster: a test cluster is always the simulated one.
process.env.VAGRANT_CHECKPOINT_DISABLE = '1';
process.env.KUBECONFIG ??= join(mkdtempSync(join(tmpdir(), 'gl-kube-')), 'no-config');
