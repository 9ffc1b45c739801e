import { join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { ExitCode } from '../exit-codes.js';
import { langFromArgv } from './global-options.js';
import { createInterrupts, installSigintHandler, routeSigint } from '../interrupts.js';
import { loadCommand, loadStep } from './commands.js';
import { buildProgram, usageMessage, type Invocation } from './program.js';
import type { AppContext } from '../context.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { translator, type Lang } from '../i18n/define.js';
import { detectLang } from '../i18n/detect-lang.js';
import { labFiles } from '../lab/lab-files.js';
import { reportError, stopExitCode, type ExplainedFailure, type StopCause } from './error-handler.js';
import { tapOutput } from './output-tap.js';
import { wrappingOutput } from '../ui/wrapping-output.js';

/** Why the program was asked to stop, first cause wins (a closed terminal then a broken pipe is a hang-up). */
let stopCause: StopCause | undefined;
const noteStop = (cause: StopCause) => {
  stopCause ??= cause;
};

/** Parses arguments, picks the flow, maps errors to exit codes — nothing else. */
async function main(argv: string[]): Promise<number> {
  const wanted = langFromArgv(argv);
  const lang: Lang = wanted === 'ja' || wanted === 'en' ? wanted : detectLang(process.env);
  const t = translator(cliMessages, lang);

  let invocation: Invocation | undefined;
  const program = buildProgram(lang, pkg.version, (inv) => (invocation = inv));
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    const message = error.code === 'commander.invalidArgument' && /--lang/.test(error.message)
      ? t('errBadLang', { lang: wanted ?? '' })
      : usageMessage(error, lang);
    process.stderr.write(`${message}\n${t('helpUsage')} ${program.name()} ${program.usage()}\n${t('seeHelp')}\n`);
    if (argv.includes('--json')) process.stdout.write(jsonError('usage', message));
    return ExitCode.usage;
  }
  if (!invocation) return ExitCode.ok;

  const ctx = createContext(invocation, lang);
  const taps = ctx.json ? { stdout: tapOutput(process.stdout), stderr: tapOutput(process.stderr) } : undefined;
  let code: number;
  let failure: ExplainedFailure | undefined;
  try {
    if (!invocation.command) {
      const { wizardFlow } = await import('../flows/wizard.js');
      code = await wizardFlow(ctx, loadStep);
    } else {
      const run = await loadCommand(invocation.command);
      code = await run(ctx, invocation.input);
    }
  } catch (error) {
    failure = await reportError(error, ctx, stopCause);
    code = failure.exitCode;
  }
  code = finalExitCode(code, stopCause);
  // --json: a failure that gave no JSON answer still ends in one object on stdout.
  if (taps && code !== ExitCode.ok && !taps.stdout.wroteJson() && stopCause !== 'output-closed') {
    const message = failure?.say ? failure.message : lastParagraph(taps.stderr.recentText()) || failure?.message || `exit ${code}`;
    process.stdout.write(jsonError(failure?.code ?? codeName(code), message));
  }
  return code;
}

/** A stop decides the code: Ctrl-C 130, SIGTERM 143, SIGHUP 129; a closed output pipe is no failure. */
function finalExitCode(flowCode: number, cause: StopCause | undefined): number {
  if (cause === undefined) return flowCode;
  // Whoever closed the pipe took what they wanted (`| head`): not an error, not a Ctrl-C.
  if (cause === 'output-closed') return flowCode === ExitCode.interrupted ? ExitCode.ok : flowCode;
  return stopExitCode(cause);
}

function codeName(code: number): string {
  switch (code) {
    case ExitCode.usage:
      return 'usage';
    case ExitCode.interrupted:
      return 'interrupted';
    case ExitCode.terminated:
      return 'terminated';
    case ExitCode.hungUp:
      return 'hung-up';
    default:
      return 'failed';
  }
}

function jsonError(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } })}\n`;
}

/** The sentence a flow printed last (its progress lines come before a blank line or above it). */
function lastParagraph(text: string): string {
  const paragraphs = text.trim().split(/\n\s*\n/);
  return (paragraphs[paragraphs.length - 1] ?? '').trim();
}

function createContext(inv: Invocation, lang: Lang): AppContext {
  const t = translator(cliMessages, lang);
  const { globals } = inv;
  // `init DIR` names the lab directory the same way --dir does.
  const dirArg = inv.command?.name === 'init' ? inv.input.args[0] : undefined;
  const interrupts = createInterrupts((stage) => {
    process.stderr.write(`\n${t(stage === 1 ? 'interruptedFirst' : 'interruptedForce')}\n`);
  });
  // Ctrl-C as a signal, as a key in a live screen (raw mode), or at the home screen.
  const interrupt = () => {
    noteStop('interrupt');
    interrupts.interrupt();
  };
  installSigintHandler();
  routeSigint(interrupt);
  // A closed pipe (`gluster-lab check | head -3`) stops the flow quietly, so that its
  // cleanup (temporary pods, simulator files) still runs and nothing more is printed.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') return;
    noteStop('output-closed');
    interrupts.abortQuietly();
  });
  // The terminal closed (SIGHUP) or someone asked us to stop (SIGTERM): unwind as a first
  // Ctrl-C does, so children are stopped and temporary pods and files are removed before
  // exit; a second such signal forces the stop.
  for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
    process.on(signal, () => {
      noteStop(signal);
      if (signal === 'SIGTERM' && !interrupts.signal.aborted) process.stderr.write(`\n${t('terminating')}\n`);
      interrupts.stop();
    });
  }
  const labDir = resolve(dirArg ?? globals.dir ?? 'gluster-lab');
  return {
    lang,
    labDir,
    json: globals.json === true,
    yes: globals.yes === true,
    kube: { context: globals.context, kubeconfig: globals.kubeconfig, labKubeconfig: join(labDir, labFiles.kubeconfig) },
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    signal: interrupts.signal,
    forceSignal: interrupts.forceSignal,
    interrupt,
    env: process.env,
    stdin: process.stdin,
    // In a terminal, long lines break where a reader expects, not at the last column.
    stdout: process.stdout.isTTY ? wrappingOutput(process.stdout) : process.stdout,
    stderr: process.stderr.isTTY ? wrappingOutput(process.stderr) : process.stderr,
    simulation: false,
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Nothing should keep the process alive after the flow ended (an idle keypress
    // listener, a forgotten timer); leave once pending output is flushed. A signal that
    // came in meanwhile still decides the code.
    setImmediate(() => process.exit(finalExitCode(code, stopCause)));
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(ExitCode.failed);
  },
);
