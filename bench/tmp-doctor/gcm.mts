import { doctorLab } from '/work/main/test/e2e/doctor-fixture.ts';
const l = await doctorLab(['glusterfs-client-missing' as any]);
await l.applyLabClass(); await l.claim('default','data'); await l.writer('default','data');
await l.waitFor(() => l.sim.readState().kube.objects.some((o) => o.kind === 'Event' && o.reason === 'FailedMount'));
const r = await l.cli(['doctor','--json']);
console.log(JSON.stringify(JSON.parse(r.stdout).findings, null, 1));
await l.dispose();
