#!/usr/bin/env node
/**
 * The program's entry, built on its own as one small CommonJS file (dist/cli.cjs: Node
 * starts a CommonJS file faster than an ES module) so that what scripts call most costs
 * little more than Node's own start: `--version` alone is answered here, and
 * `--help` alone (with or without `--lang`) through a pipe prints the help text the
 * build saved from the command line itself (dist/help/LANG.txt, the same bytes: a test
 * compares them). Everything else goes to the command line in cli/main.ts.
 */
import { readFileSync } from 'node:fs';
import pkg from '../package.json' with { type: 'json' };
import { helpAlone } from './cli/help-alone.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) process.stdout.write(`${pkg.version}\n`);
else if (!savedHelp()) void import('./cli/main.js');

/** Prints the saved help when that is all that was asked and it is what commander would print; false otherwise. */
function savedHelp(): boolean {
  // commander wraps help to a terminal's width; through a pipe, to 80 columns, as saved.
  if (process.stdout.isTTY) return false;
  const lang = helpAlone(argv, process.env);
  if (lang === undefined) return false;
  let text: string;
  try {
    // Bundled as CommonJS (build.mjs): __dirname is dist/.
    text = readFileSync(`${__dirname}/help/${lang}.txt`, 'utf8');
  } catch {
    return false;
  }
  process.stdout.write(text);
  return true;
}
