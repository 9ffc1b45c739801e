import type { AppContext } from './context.js';

/** What a command's action receives: positional arguments and its own options. */
export interface CommandInput {
  args: string[];
  options: Record<string, unknown>;
}

/** One subcommand's flow: resolves to the exit code (exit-codes.ts). */
export type CommandRunner = (ctx: AppContext, input: CommandInput) => Promise<number>;

/**
 * Refuses a command's arguments and options before anything runs (a UsageError): called
 * before the lab is taken, so a refused command leaves no directory or lock behind.
 */
export type InputCheck = (ctx: AppContext, input: CommandInput) => void;

/**
 * Finds and loads the flow of a step by its command name (undefined for an unknown name).
 * The command line owns the registry and hands this to the flows that run other steps
 * (the wizard, the demo's tour), so no flow imports the command line.
 */
export type StepLoader = (command: string) => Promise<CommandRunner | undefined>;
