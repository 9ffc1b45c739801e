import { resolve } from 'node:path';
import { CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { ExitCode, UsageError } from '../exit-codes.js';
import { langFromArgv } from './global-options.js';
import { createInterrupts, installSigintHandler, routeSigint } from '../interrupts.js';
import { loadStep } from './commands.js';
import { buildProgram, usageMessage, type Invocation } from './program.js';
import type { AppContext } from '../context.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { translator, type Lang } from '../i18n/define.js';
import { detectLang } from '../i18n/detect-lang.js';
import { failureLines } from '../diagnosis/explain-failure.js';
import { HeketiError } from '../tools/heketi-error.js';
import { ToolError } from '../tools/tool-error.js';
import { wrappingOutput } from '../ui/wrapping-output.js';

/** Set when stdout's reader went away: the flow's own end is then not an interruption. */
let outputClosed = false;

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
    return ExitCode.usage;
  }
  if (!invocation) return ExitCode.ok;

  const ctx = createContext(invocation, lang);
  try {
    if (!invocation.command) {
      const { wizardFlow } = await import('../flows/wizard.js');
      return await wizardFlow(ctx, loadStep);
    }
    const run = await invocation.command.load();
    return await run(ctx, invocation.input);
  } catch (error) {
    return reportError(error, ctx);
  }
}

function createContext(inv: Invocation, lang: Lang): AppContext {
  const t = translator(cliMessages, lang);
  const { globals } = inv;
  // `init DIR` names the lab directory the same way --dir does.
  const dirArg = inv.command?.name === 'init' ? inv.input.args[0] : undefined;
  const interrupts = createInterrupts((stage) => {
    process.stderr.write(`\n${t(stage === 1 ? 'interruptedFirst' : 'interruptedForce')}\n`);
  });
  installSigintHandler();
  routeSigint(interrupts.interrupt);
  // A closed pipe (`gluster-lab check | head -3`) stops the flow quietly, so that its
  // cleanup (temporary pods, simulator files) still runs and nothing more is printed.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') return;
    outputClosed = true;
    interrupts.abortQuietly();
  });
  // The terminal closed (SIGHUP) or someone asked us to stop (SIGTERM): unwind the same
  // way, so children are stopped and temporary pods and files are removed before exit.
  for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
    process.on(signal, () => {
      outputClosed = true;
      interrupts.abortQuietly();
    });
  }
  return {
    lang,
    labDir: resolve(dirArg ?? globals.dir ?? 'gluster-lab'),
    json: globals.json === true,
    yes: globals.yes === true,
    kube: { context: globals.context, kubeconfig: globals.kubeconfig },
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    signal: interrupts.signal,
    forceSignal: interrupts.forceSignal,
    interrupt: interrupts.interrupt,
    env: process.env,
    stdin: process.stdin,
    // In a terminal, long lines break where a reader expects, not at the last column.
    stdout: process.stdout.isTTY ? wrappingOutput(process.stdout) : process.stdout,
    stderr: process.stderr.isTTY ? wrappingOutput(process.stderr) : process.stderr,
    simulation: false,
  };
}

function reportError(error: unknown, ctx: AppContext): number {
  const t = translator(cliMessages, ctx.lang);
  if (ctx.signal.aborted) return ExitCode.interrupted;
  if (error instanceof UsageError) {
    ctx.stderr.write(`${error.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof ToolError || error instanceof HeketiError) {
    // The one way every command says a tool failed: its own words, cleaned, and the known issue.
    ctx.stderr.write(`${failureLines(error, ctx.lang).join('\n')}\n`);
    return ExitCode.failed;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  ctx.stderr.write(`${t('unexpectedError', { message })}\n${t('unexpectedErrorHint')}\n`);
  return ExitCode.failed;
}

main(process.argv.slice(2)).then(
  (flowCode) => {
    // Whoever closed the pipe took what they wanted (`| head`): not an error, not a Ctrl-C.
    const code = outputClosed && flowCode === ExitCode.interrupted ? ExitCode.ok : flowCode;
    process.exitCode = code;
    // Nothing should keep the process alive after the flow ended (an idle keypress
    // listener, a forgotten timer); leave once pending output is flushed.
    setImmediate(() => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(ExitCode.failed);
  },
);
