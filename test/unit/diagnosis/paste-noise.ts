import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from './fixture-files.js';

/**
 * The ways a real paste arrives around the failure itself: the prompts it was typed at
 * (a Japanese one among them), the other machines' healthy output before and between its
 * lines, colour codes, and Windows line ends. Every noise line comes from a real healthy
 * log (the clean-* fixtures) or is a prompt; noise alone must give no finding.
 */

const esc = String.fromCharCode(27);

/** Shell prompts as they precede a pasted command: bash, PowerShell, and two Japanese ones. */
const prompts = [
  'taro@lab:~/gluster-lab$ gluster-lab up',
  'PS C:\\Users\\taro\\gluster-lab> vagrant up',
  '[田中@ラボ gluster-lab]$ vagrant up --provider=virtualbox',
  'たろう@ラボPC:~/gluster-lab$ kubectl describe pvc gfs-pvc-1',
];

function cleanLines(file: string, from: number, count: number): string[] {
  return readFileSync(join(fixtureDir, file), 'utf8').split(/\r?\n/).slice(from, from + count);
}

/** Another VM coming up while this one failed (a real `vagrant up` of three machines). */
const otherVmLines = cleanLines('clean-vagrant-up-ansible-local.vamegh.txt', 0, 30);
/** A healthy cluster's listing (a real hello-world session of gluster-kubernetes). */
const healthyClusterLines = cleanLines('clean-pvc-bound-hello-world.gluster-kubernetes.txt', 0, 20);

export interface Paste {
  name: string;
  /** The whole paste as the user's terminal or editor would hand it over. */
  text: string;
}

function colour(line: string, index: number): string {
  return index % 2 === 0 ? `${esc}[0;31m${line}${esc}[0m` : `${esc}[1m${line}${esc}[0m`;
}

/** `lines` (one report) wrapped in each kind of noise. */
export function noisyPastes(lines: string[]): Paste[] {
  const [firstPrompt = '', , japanesePrompt = '', japaneseKubectlPrompt = ''] = prompts;
  const interleaved = lines.flatMap((line, i) => {
    const other = otherVmLines[i % otherVmLines.length];
    return i % 3 === 2 && other !== undefined ? [line, other] : [line];
  });
  return [
    {
      name: 'prompts and other machines around it',
      text: [firstPrompt, ...otherVmLines, ...lines, ...healthyClusterLines, japaneseKubectlPrompt].join('\n'),
    },
    {
      name: 'a Japanese prompt and another machine interleaved',
      text: [japanesePrompt, ...interleaved, japanesePrompt].join('\n'),
    },
    {
      name: 'colour codes and Windows line ends',
      text: `${[prompts[1] ?? '', ...otherVmLines, ...lines].map(colour).join('\r\n')}\r\n`,
    },
  ];
}

/** The noise on its own, shaped like the pastes above. */
export function noiseOnly(): Paste[] {
  return noisyPastes([]);
}
