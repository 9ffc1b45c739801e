#!/usr/bin/env node
/**
 * The program's entry. `--version` alone is answered before anything else loads (scripts
 * call it, and it should cost little more than Node's own start); everything else,
 * `--version` among other options included, goes to the command line in cli/main.ts.
 */
import pkg from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) process.stdout.write(`${pkg.version}\n`);
else await import('./cli/main.js');
