/**
 * `npm run bench:suite`: runs `npm test` once and writes its wall time to bench/suite-wall.json,
 * which `npm run bench` reports as the test-suite-wall row. Apart from `npm run bench` because
 * it takes minutes and needs the machine at rest; its output goes through as it comes.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const command = 'npm test';
const started = performance.now();
const result = spawnSync('npm', ['test'], { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
const seconds = Math.round((performance.now() - started) / 100) / 10;
const record = { command, seconds, exitCode: result.status ?? 1, at: new Date().toISOString() };
writeFileSync(join(import.meta.dirname, 'suite-wall.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\n${command}: ${seconds} s (exit ${record.exitCode}), written to bench/suite-wall.json`);
process.exitCode = record.exitCode;
