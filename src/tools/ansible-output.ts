/** What one line of ansible-playbook's default output says. */
export type AnsibleLine =
  | { kind: 'play'; name: string }
  | { kind: 'task'; name: string }
  | { kind: 'result'; status: AnsibleResultStatus; host: string }
  | {
      kind: 'recap';
      host: string;
      ok: number;
      changed: number;
      unreachable: number;
      failed: number;
      skipped: number;
      rescued: number;
      ignored: number;
    };

export type AnsibleResultStatus = 'ok' | 'changed' | 'failed' | 'fatal' | 'skipping' | 'unreachable';

// A line still carrying vagrant's `    gluster1: ` / `==> gluster1: ` prefix (plain logs).
const VAGRANT_PREFIX = /^(?:==> | {4})[^\s:]+: ?/;
// `PLAY [name] ***` (Ansible 2+) and `PLAY [name] ***` in 1.9 too; the stars fill to 80 columns.
const PLAY = /^PLAY \[(.*)\] \*+$/;
// `TASK [role : name] ***`, `RUNNING HANDLER [role : name] ***`, 1.9's `TASK: [role | name] ***`.
const TASK = /^(?:TASK|RUNNING HANDLER|HANDLER|NOTIFIED HANDLER):? \[(.*)\] \*+$/;
// Ansible 1.9 printed the implicit fact gathering without brackets.
const OLD_GATHERING = /^GATHERING FACTS \*+$/;
// `ok: [host]`, `changed: [host -> delegate] => (item=x)`, `fatal: [host]: FAILED! => {...}`,
// `fatal: [host]: UNREACHABLE! => {...}`, `failed: [host] (item=x) => {...}`, `skipping: [host]`.
const RESULT = /^(ok|changed|failed|fatal|skipping|unreachable): \[([^\]]+?)(?: -> [^\]]*)?\](?:: (FAILED|UNREACHABLE)!)?(?:$|[ :=(])/;
// `host : ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0` (1.9 stops at failed).
const RECAP = /^(\S+)\s+: (ok=\d+.*)$/;
const COUNTERS = ['ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored'] as const;

/**
 * Classifies one line of Ansible output (as printed by `ansible-playbook`, or as a
 * vagrant event's text). Anything else — result bodies, warnings, `PLAY RECAP` itself,
 * `skipping: no hosts matched` — gives undefined.
 */
export function classifyAnsibleLine(text: string): AnsibleLine | undefined {
  const line = text.replace(VAGRANT_PREFIX, '').trimEnd();
  const play = PLAY.exec(line);
  if (play) return { kind: 'play', name: play[1] ?? '' };
  const task = TASK.exec(line);
  if (task) return { kind: 'task', name: task[1] ?? '' };
  if (OLD_GATHERING.test(line)) return { kind: 'task', name: 'Gathering Facts' };
  const result = RESULT.exec(line);
  if (result) return { kind: 'result', status: resultStatus(result[1] ?? '', result[3]), host: result[2] ?? '' };
  const recap = RECAP.exec(line);
  if (recap) return recapLine(recap[1] ?? '', recap[2] ?? '');
  return undefined;
}

function resultStatus(word: string, bang: string | undefined): AnsibleResultStatus {
  if (bang === 'UNREACHABLE') return 'unreachable';
  return word as AnsibleResultStatus;
}

function recapLine(host: string, counters: string): AnsibleLine {
  const values = new Map<string, number>();
  for (const pair of counters.trim().split(/\s+/)) {
    const [key, value] = pair.split('=');
    if (key !== undefined && value !== undefined) values.set(key, Number(value));
  }
  const [ok, changed, unreachable, failed, skipped, rescued, ignored] = COUNTERS.map((name) => values.get(name) ?? 0);
  return {
    kind: 'recap',
    host,
    ok: ok ?? 0,
    changed: changed ?? 0,
    unreachable: unreachable ?? 0,
    failed: failed ?? 0,
    skipped: skipped ?? 0,
    rescued: rescued ?? 0,
    ignored: ignored ?? 0,
  };
}
