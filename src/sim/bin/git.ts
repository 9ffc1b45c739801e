const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  process.stdout.write('git version 2.39.5\n');
} else {
  process.stderr.write(`git: '${args[0] ?? ''}' is not a git command. See 'git --help'.\n`);
  process.exitCode = 1;
}
