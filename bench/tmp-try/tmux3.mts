import { simulatedLab } from '../../test/e2e/up-sim-lab.js';
import { startTerminal } from '../../test/e2e/terminal.js';
const lab = await simulatedLab([(process.argv[2] ?? 'healthy') as any], Number(process.argv[3] ?? 5));
const term = await startTerminal({ args: ['up', '--dir', lab.labDir, '--lang', 'en'], env: lab.sim.env, cols: 120, rows: 40 });
let prev = '';
for (let i = 0; i < 80; i++) { const s = (await term.screen()).split('\n'); const k = JSON.stringify(s.slice(0,3)) + ' ' + s.filter(l=>l.trim()).length; if (k !== prev) console.log(i, k); prev = k; await new Promise(r => setTimeout(r, 50)); }
await term.close(); await lab.dispose();
