import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a fake program saw: its argv (without the program), stdin and working directory. */
export interface Recorded {
  argv: string[];
  stdin: string;
  cwd: string;
}

/**
 * A directory holding executables that record their argv as JSON and print canned
 * output — no shell involved, the script is run by this very node binary.
 * Put `dir` alone on PATH (through the tool function's `env`) so nothing real runs.
 */
export async function makeFakeTools(names: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'gl-fake-tools-'));
  const script = `#!${process.execPath}
const fs = require('node:fs');
const dir = ${JSON.stringify(dir)};
const name = require('node:path').basename(process.argv[1]);
let stdin = '';
try { stdin = fs.readFileSync(0, 'utf8'); } catch {}
fs.writeFileSync(dir + '/' + name + '.argv.json', JSON.stringify({ argv: process.argv.slice(2), stdin, cwd: process.cwd() }));
const out = dir + '/' + name + '.stdout';
const err = dir + '/' + name + '.stderr';
if (fs.existsSync(out)) process.stdout.write(fs.readFileSync(out));
if (fs.existsSync(err)) process.stderr.write(fs.readFileSync(err));
const code = dir + '/' + name + '.exit';
process.exitCode = fs.existsSync(code) ? Number(fs.readFileSync(code, 'utf8')) : 0;
`;
  for (const name of names) {
    await writeFile(join(dir, name), script);
    await chmod(join(dir, name), 0o755);
  }
  return {
    dir,
    env: { PATH: dir } as NodeJS.ProcessEnv,
    /** Sets what `name` prints next time (and its exit code). */
    async answer(name: string, stdout: string, exitCode = 0, stderr = '') {
      await writeFile(join(dir, `${name}.stdout`), stdout);
      await writeFile(join(dir, `${name}.stderr`), stderr);
      await writeFile(join(dir, `${name}.exit`), String(exitCode));
    },
    async recorded(name: string): Promise<Recorded> {
      return JSON.parse(await readFile(join(dir, `${name}.argv.json`), 'utf8')) as Recorded;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
