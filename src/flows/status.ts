import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRunner } from '../cli/commands.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { upMessages } from '../i18n/up-messages.js';
import type { LabConfig } from '../lab/config-schema.js';
import { labFiles } from '../lab/lab-files.js';
import { HeketiClient } from '../tools/heketi-client.js';
import { currentTarget, kubectlVersion } from '../tools/kubectl.js';
import { vagrantStatus } from '../tools/vagrant.js';
import { statusLines, type LabStatus } from '../up/lab-status.js';
import { labConfigOrReport } from './up.js';

export const statusCommand: CommandRunner = (ctx) => statusFlow(ctx);

// status must answer quickly even when the cluster or Heketi is down.
const KUBE_TIMEOUT_MS = 5_000;
const HEKETI_TIMEOUT_MS = 5_000;

/** `status` (+ `--json`): VM states, Heketi reachability and topology, the Kubernetes target. */
export async function statusFlow(ctx: AppContext): Promise<number> {
  const config = await labConfigOrReport(ctx);
  if (!config) return ExitCode.failed;
  const status = await readLabStatus(ctx, config);
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
  else ctx.stdout.write(`${statusLines(status, translator(upMessages, ctx.lang)).join('\n')}\n`);
  return ExitCode.ok;
}

/** Asks vagrant, Heketi and kubectl at the same time; each failure is reported, none is fatal. */
export async function readLabStatus(ctx: AppContext, config: LabConfig): Promise<LabStatus> {
  const [vms, heketi, kubernetes] = await Promise.all([vmStates(ctx), heketiState(ctx, config), kubeState(ctx)]);
  return { lab: { name: config.name, dir: ctx.labDir }, vms, heketi, kubernetes };
}

async function vmStates(ctx: AppContext): Promise<LabStatus['vms']> {
  try {
    return { ok: true, machines: await vagrantStatus({ cwd: ctx.labDir, env: ctx.env, signal: ctx.signal }) };
  } catch (error) {
    return { ok: false, error: firstLine(error) };
  }
}

async function heketiState(ctx: AppContext, config: LabConfig): Promise<LabStatus['heketi']> {
  const url = config.heketi.url;
  const key = await readFile(join(ctx.labDir, labFiles.heketiAdminKey), 'utf8').then((k) => k.trim(), () => '');
  const client = new HeketiClient({ url, user: config.heketi.admin_user, key, timeoutMs: HEKETI_TIMEOUT_MS, signal: ctx.signal });
  let hello: string;
  try {
    hello = await client.hello();
  } catch (error) {
    return { url, reachable: false, error: firstLine(error) };
  }
  try {
    const topology = await client.topology();
    const nodes = topology.clusters.flatMap((c) => c.nodes);
    const devices = nodes.flatMap((n) => n.devices);
    return {
      url,
      reachable: true,
      hello,
      topology: {
        nodes: nodes.length,
        devices: devices.length,
        totalKiB: devices.reduce((sum, d) => sum + (d.storage?.total ?? 0), 0),
        freeKiB: devices.reduce((sum, d) => sum + (d.storage?.free ?? 0), 0),
      },
    };
  } catch (error) {
    return { url, reachable: true, hello, topologyError: firstLine(error) };
  }
}

async function kubeState(ctx: AppContext): Promise<LabStatus['kubernetes']> {
  const opts = { env: ctx.env, signal: ctx.signal, timeoutMs: KUBE_TIMEOUT_MS };
  let target;
  try {
    target = await currentTarget(ctx.kube, opts);
  } catch {
    // No kubeconfig or no current context: nothing is configured yet, which is fine here.
    return { configured: false };
  }
  const base = { configured: true, context: target.context, server: target.server };
  try {
    const versions = await kubectlVersion(ctx.kube, opts);
    return versions.server ? { ...base, reachable: true, version: versions.server.gitVersion } : { ...base, reachable: false, error: 'no server version' };
  } catch (error) {
    return { ...base, reachable: false, error: firstLine(error) };
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // A tool error's first line is the command; the reason is in its last line.
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 1 ? `${lines[0]} — ${lines.at(-1)}` : (lines[0] ?? '');
}
