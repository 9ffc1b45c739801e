import { simulatedLab } from '../test/e2e/up-sim-lab.js';
import { startTerminal } from '../test/e2e/terminal.js';
for (let i = 0; i < 3; i++) {
const lab = await simulatedLab(['box-not-found'], 60);
const term = await startTerminal({ args: ['up', '--dir', lab.labDir, '--lang', 'en'], env: lab.sim.env, cols: 120, rows: 40 });
await term.waitFor(/After fixing/, 30000);
const code = await term.exitCode();
console.log('exit', code); if (code !== 1) console.log(await term.screen());
await term.close(); await lab.dispose();
}
