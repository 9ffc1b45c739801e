import { basename } from 'node:path';
import { translator, type Lang } from '../i18n/define.js';
import { failureMessages } from '../i18n/failure-messages.js';
import { HeketiError } from '../tools/heketi-error.js';
import { ToolError } from '../tools/tool-error.js';
import { VagrantError } from '../tools/vagrant-error.js';
import type { Finding } from './finding.js';
import { diagnoseLines, knownFinding } from './findings-for-lines.js';

/** A failure of an external program in the user's words: what failed, why, and what the catalogue knows. */
export interface FailureExplanation {
  /** The program, as the user would name it: "kubectl", "vagrant halt", "Heketi". */
  tool: string;
  /** Its own reason on one line: no klog prefix, no internal error code. */
  reason: string;
  /** "kubectl failed: …", in the user's language. */
  sentence: string;
  findings: Finding[];
}

// klog's header on kubectl's own error lines: "E1201 10:47:56.571599    7429 memcache.go:265] ".
const KLOG_HEADER = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\] /;
// What Node's and undici's network errors are called, for the words that say the same.
const NETWORK_WORDS: Record<string, 'netRefused' | 'netClosed' | 'netTimeout' | 'netNoRoute' | 'netNoName'> = {
  ECONNREFUSED: 'netRefused',
  ECONNRESET: 'netClosed',
  EPIPE: 'netClosed',
  UND_ERR_SOCKET: 'netClosed',
  UND_ERR_CLOSED: 'netClosed',
  ETIMEDOUT: 'netTimeout',
  UND_ERR_CONNECT_TIMEOUT: 'netTimeout',
  UND_ERR_HEADERS_TIMEOUT: 'netTimeout',
  UND_ERR_BODY_TIMEOUT: 'netTimeout',
  TimeoutError: 'netTimeout',
  EHOSTUNREACH: 'netNoRoute',
  ENETUNREACH: 'netNoRoute',
  EHOSTDOWN: 'netNoRoute',
  ENOTFOUND: 'netNoName',
  EAI_AGAIN: 'netNoName',
};

/** A network error code (ECONNREFUSED, UND_ERR_SOCKET, …) in words; the code itself never reaches the screen. */
export function networkReason(code: string | undefined, lang: Lang): string {
  const t = translator(failureMessages, lang);
  const key = code === undefined ? undefined : NETWORK_WORDS[code];
  return t(key ?? 'netUnknown');
}

/** A tool's output lines without klog's headers; a klog line keeps the quoted error it carries. */
function readableLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => {
      if (!KLOG_HEADER.test(line)) return line.trim();
      const err = /err="((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
      return (err ?? line.replace(KLOG_HEADER, '')).replace(/\\"/g, '"').trim();
    })
    .filter((line) => line.length > 0);
}

function toolName(error: ToolError): string {
  const name = basename(error.command);
  // Vagrant's subcommand says what was being done (halt, destroy); kubectl's says little.
  return name === 'vagrant' && error.args[0] ? `vagrant ${error.args[0]}` : name;
}

/**
 * Explains any failure of an external program the one way every command uses: the tool's
 * own last words (cleaned) in a sentence of the user's language, and the known-issue
 * catalogue's findings for everything the tool printed.
 */
export function explainFailure(error: unknown, lang: Lang): FailureExplanation {
  const t = translator(failureMessages, lang);
  let tool = '';
  let reason: string;
  let findings: Finding[] = [];
  let sentence: string | undefined;
  if (error instanceof HeketiError) {
    tool = 'Heketi';
    if (error.kind === 'unreachable') {
      reason = `${error.url}: ${networkReason(error.code, lang)}`;
      findings = knownFinding('heketi-unreachable', lang);
    } else {
      reason = `HTTP ${error.status ?? '?'}${error.body ? `: ${error.body.trim()}` : ''}`;
      findings = diagnoseLines([error.body], lang);
    }
  } else if (error instanceof VagrantError) {
    tool = toolName(error);
    const message = readableLines(error.vagrantMessage);
    reason = `${message.join(' ')} (${error.errorClass})`;
    findings = diagnoseLines([error.errorClass, ...message, ...readableLines(error.stderrTail)], lang);
  } else if (error instanceof ToolError) {
    tool = toolName(error);
    const lines = [...readableLines(error.stderrTail), ...readableLines(error.stdoutTail)];
    const last = readableLines(error.stderrTail).at(-1) ?? readableLines(error.stdoutTail).at(-1);
    if (error.kind === 'not-found') sentence = t('toolMissing', { tool });
    reason = error.kind === 'timeout' ? t('toolTimeout', { tool }) + (last ? `: ${last}` : '') : (last ?? (error.exitCode === undefined ? error.kind : `exit ${error.exitCode}`));
    findings = diagnoseLines(lines, lang);
  } else {
    const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    reason = error instanceof Error ? (readableLines(error.message)[0] ?? error.name) : String(error);
    if (typeof code === 'string') reason = networkReason(code, lang);
  }
  return { tool, reason, sentence: sentence ?? (tool ? t('toolFailed', { tool, reason }) : reason), findings };
}

/** The catalogue's findings as indented lines under a failure ("→ title", what, fix). */
export function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const t = translator(failureMessages, lang);
  return findings.flatMap((f) => [t('findingTitle', { title: f.title }), t('findingExplain', { explanation: f.explanation.trim() }), ...(f.fix ? [t('findingFix', { fix: f.fix.trim() })] : [])]);
}

/** The whole account of a failure, for plain output: the sentence, then what the catalogue knows (the most likely finding). */
export function failureLines(error: unknown, lang: Lang): string[] {
  const explained = explainFailure(error, lang);
  return [explained.sentence, ...findingLines(explained.findings.slice(0, 1), lang)];
}
