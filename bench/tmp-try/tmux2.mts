import { simulatedLab } from '../../test/e2e/up-sim-lab.js';
import { startTerminal } from '../../test/e2e/terminal.js';
const lab = await simulatedLab([(process.argv[2] ?? 'healthy') as any], Number(process.argv[3] ?? 5));
const term = await startTerminal({ args: ['up', '--dir', lab.labDir, '--lang', 'en'], env: lab.sim.env, cols: 120, rows: 40 });
await new Promise(r => setTimeout(r, 1500)); console.log(JSON.stringify((await term.screen()).split('\n').slice(0,4)));
console.log('exit', await term.exitCode(20000));
console.log(JSON.stringify((await term.screen()).split('\n').slice(0,12)));
await term.close(); await lab.dispose();
