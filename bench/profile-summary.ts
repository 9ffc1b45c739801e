/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: the functions
 * with the most self time, and self time by the function's file.
 * Usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [TOP] [FUNCTION]
 * With FUNCTION: also its self time by the chain of callers above it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg = '25', callersOf] = process.argv.slice(2);
// PROFILE_FROM=SECONDS: only the samples taken that long after the profile began.
const from = Number(process.env.PROFILE_FROM ?? 0) * 1e6;
// PROFILE_TO=SECONDS: and only those taken before that.
const to = Number(process.env.PROFILE_TO ?? Infinity) * 1e6;
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [TOP]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock >= from && clock < to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = (profile.endTime - profile.startTime) / 1000;
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of self) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const where = frame.url.replace(/^.*\//, '') || '(native)';
  const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us / 1000);
  byFile.set(where, (byFile.get(where) ?? 0) + us / 1000);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
};
console.log(`${file}: ${total.toFixed(0)} ms profiled`);
print('self time by function', byFunction);
print('self time by file', byFile);

if (callersOf) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const chains = new Map<string, number>();
  for (const [id, us] of self) {
    if (byId.get(id)?.callFrame.functionName !== callersOf) continue;
    const names: string[] = [];
    for (let p = parent.get(id); p !== undefined && names.length < 6; p = parent.get(p)) names.push(byId.get(p)?.callFrame.functionName || '(anonymous)');
    const key = names.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + us / 1000);
  }
  print(`${callersOf}: self time by callers`, chains);
}

// PROFILE_TOTALS=name1,name2: time spent in each function including what it called.
if (process.env.PROFILE_TOTALS) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const totals = new Map<string, number>();
  const wantedNames = new Set(process.env.PROFILE_TOTALS.split(','));
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const name = byId.get(p)?.callFrame.functionName ?? '';
      if (wantedNames.has(name) && !seen.has(name)) {
        seen.add(name);
        totals.set(name, (totals.get(name) ?? 0) + us / 1000);
      }
    }
  }
  print('inclusive time', totals);
}
