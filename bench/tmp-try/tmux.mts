import { simulatedLab } from '../../test/e2e/up-sim-lab.js';
import { startTerminal } from '../../test/e2e/terminal.js';
const lab = await simulatedLab([(process.argv[2] ?? 'healthy') as any], Number(process.argv[3] ?? 5));
const term = await startTerminal({ args: ['up', '--dir', lab.labDir, '--lang', 'en'], env: lab.sim.env, cols: 120, rows: 40 });
for (let i = 0; i < 8; i++) { await new Promise(r => setTimeout(r, 1500)); console.log('-----'); console.log(await term.screen()); }
await term.press('ctrlC');
await new Promise(r => setTimeout(r, 1500)); console.log('----- after ctrl-c'); console.log(await term.screen());
console.log('exit', await term.exitCode(20000));
console.log(await term.screen());
await term.close(); await lab.dispose();
