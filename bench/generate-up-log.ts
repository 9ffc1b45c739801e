/**
 * A `vagrant up --machine-readable` log in the shape Vagrant 2.3 prints it: four VMs
 * one after the other, each importing the box, booting, mounting /vagrant and running
 * ansible_local, whose output arrives as unprefixed `ui,info` records (one per line,
 * `\n`-escaped, commas as %!(VAGRANT_COMMA)). Package-manager chatter inside tasks
 * pads it to the wanted number of lines.
 */
export function generateUpLog(totalLines: number, machines = ['gluster1', 'gluster2', 'gluster3', 'heketi']): string {
  const out: string[] = [];
  let ts = 1_717_000_000;
  const rec = (target: string, type: string, ...data: string[]) =>
    out.push(`${ts},${target},${type},${data.map((d) => d.replaceAll(',', '%!(VAGRANT_COMMA)').replaceAll('\n', '\\n')).join(',')}`);
  const perVm = Math.floor(totalLines / machines.length);
  for (const m of machines) rec(m, 'metadata', 'provider', 'virtualbox');
  for (const m of machines) rec('', 'ui', 'info', `Bringing machine '${m}' up with 'virtualbox' provider...`);
  machines.forEach((m, index) => {
    const start = out.length;
    const say = (level: string, text: string) => rec(m, 'ui', level, `${level === 'detail' ? '    ' : '==> '}${m}: ${text}`);
    rec(m, 'action', 'up', 'start');
    say('info', "Importing base box 'bento/ubuntu-24.04'...");
    say('info', 'Matching MAC address for NAT networking...');
    say('info', `Setting the name of the VM: lab_${m}_1717000000000_12345`);
    say('info', 'Clearing any previously set network interfaces...');
    say('output', 'Preparing network interfaces based on configuration...');
    say('detail', 'Adapter 1: nat');
    say('detail', 'Adapter 2: hostonly');
    say('output', 'Forwarding ports...');
    say('detail', `22 (guest) => ${2200 + index} (host) (adapter 1)`);
    say('info', 'Booting VM...');
    say('output', 'Waiting for machine to boot. This may take a few minutes...');
    say('detail', `SSH address: 127.0.0.1:${2200 + index}`);
    say('output', 'Machine booted and ready!');
    say('output', 'Mounting shared folders...');
    say('detail', '/vagrant => /home/user/gluster-lab');
    say('info', 'Running provisioner: ansible_local...');
    say('detail', 'Running ansible-playbook...');
    const raw = (text: string) => rec('', 'ui', 'info', `${text}\n`);
    raw(`PLAY [Set up ${m}] ${'*'.repeat(60)}`);
    let task = 0;
    let ok = 0;
    let changed = 0;
    while (out.length - start < perVm - 4) {
      task++;
      ts++;
      raw(`TASK [glusterfs : Step ${task}, installing packages] ${'*'.repeat(40)}`);
      for (let i = 0; i < 40 && out.length - start < perVm - 5; i++) {
        raw(`Get:${i + 1} http://archive.ubuntu.com/ubuntu noble/main amd64 libpackage${task}-${i} amd64 1.2.${i}-1ubuntu1 [${100 + i} kB]`);
      }
      if (task % 3 === 0) {
        raw(`ok: [${m}]`);
        ok++;
      } else {
        raw(`changed: [${m}] => (item=glusterfs-server)`);
        changed++;
      }
    }
    raw(`PLAY RECAP ${'*'.repeat(69)}`);
    raw(`${m.padEnd(27)}: ok=${ok + changed}   changed=${changed}    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0`);
    rec(m, 'action', 'up', 'end');
  });
  return `${out.join('\n')}\n`;
}
