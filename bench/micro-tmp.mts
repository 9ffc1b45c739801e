import { recordToEvents } from '../src/tools/vagrant-events.js';
import { parseMachineReadableLine } from '../src/tools/vagrant-machine-readable.js';
import { classifyAnsibleLine } from '../src/tools/ansible-output.js';
import { BringupStore } from '../src/up/bringup-store.js';
const line = '1717000100,,ui,info,Get:12 http://archive.ubuntu.com/ubuntu noble/main amd64 libpackage3-11 amd64 1.2.11-1ubuntu1 [111 kB]\\n';
const N = 200000;
function time(name: string, fn: () => unknown) {
  for (let i = 0; i < 20000; i++) fn();
  const t = performance.now();
  for (let i = 0; i < N; i++) fn();
  console.log(name, ((performance.now() - t) * 1000 / N).toFixed(3), 'µs');
}
const rec = parseMachineReadableLine(line)!;
time('parse', () => parseMachineReadableLine(line));
time('events', () => recordToEvents(rec));
const field = rec.data[1]!;
time('replaceAll', () => field.replaceAll('%!(VAGRANT_COMMA)', ',').replaceAll('\\n', '\n').replaceAll('\\r', '\r'));
time('split', () => line.slice(20).split(','));
time('classify', () => classifyAnsibleLine('Get:12 http://archive.ubuntu.com/ubuntu noble/main amd64 libpackage3-11 amd64 1.2.11-1ubuntu1 [111 kB]'));
const st = new BringupStore(['gluster1', 'gluster2', 'gluster3', 'heketi']);
st.dispatch({ type: 'action', machine: 'gluster1', action: 'up', state: 'start' });
const ev = recordToEvents(rec);
time('dispatch', () => { for (const e of ev) st.dispatch(e); });
