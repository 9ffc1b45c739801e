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
// Whether this run is CI's is kept first: there, tests that need real daemons must run, not skip.
process.env.GLUSTER_LAB_TEST_CI ??= process.env.CI ?? '';
// Ink in "CI mode" (is-in-ci: CI, CONTINUOUS_INTEGRATION or any CI_* variable) draws only
// the last frame, so screen tests would read nothing on the CI machine (STYLE.md traps).
// Tests describe what a person at a terminal sees: the same on every machine.
for (const key of Object.keys(process.env)) {
  if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete process.env[key];
}
// Real vagrant must not phone home for its version checkpoint, and kubectl must not find
// a developer's real cluster: a test cluster is always the simulated one.
process.env.VAGRANT_CHECKPOINT_DISABLE = '1';
process.env.KUBECONFIG ??= join(mkdtempSync(join(tmpdir(), 'gl-kube-')), 'no-config');
