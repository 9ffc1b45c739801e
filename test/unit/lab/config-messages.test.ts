import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LabConfigError, parseLabConfig } from '../../../src/lab/config.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';

type Config = Record<string, unknown> & { machines: Array<Record<string, unknown>>; heketi: Record<string, unknown>; data_disk: Record<string, unknown>; kubernetes: Record<string, unknown> };

function problems(change: (c: Config) => void, lang: 'en' | 'ja'): string {
  const config = structuredClone(defaultLabConfig) as unknown as Config;
  change(config);
  try {
    parseLabConfig(stringify(config), '/labs/demo/gluster-lab.yaml', lang);
  } catch (error) {
    if (error instanceof LabConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

/** Every rule of config-schema.ts: a file breaking it, and what each language must say. */
const rules: Array<{ rule: string; change: (c: Config) => void; en: RegExp; ja: RegExp }> = [
  { rule: 'lab name', change: (c) => (c.name = 'My Lab'), en: /line \d+, name: "My Lab" is not allowed — use lower-case letters, digits and "-"/, ja: /\d+ 行目の name: 「My Lab」は使えません。英小文字・数字・「-」で/ },
  { rule: 'box', change: (c) => (c.box = ''), en: /box: an empty value is not allowed — use a Vagrant box name/, ja: /box: 空の値は使えません。bento\/ubuntu-24\.04 のような Vagrant ボックス名/ },
  { rule: 'machines count', change: (c) => (c.machines = c.machines.slice(0, 1)), en: /machines: a list of 1 is not allowed — use a list of at least two machines/, ja: /machines: 1 件のリストは使えません。マシン 2 台以上のリスト/ },
  { rule: 'machine name', change: (c) => (c.machines[1]!.name = 'Gluster_1'), en: /machines\[2\]\.name: "Gluster_1" is not allowed/, ja: /machines\[2\]\.name: 「Gluster_1」は使えません/ },
  { rule: 'role', change: (c) => (c.machines[1]!.role = 'storage'), en: /machines\[2\]\.role \(machine gluster1\): "storage" is not allowed — use "heketi" or "gluster"/, ja: /machines\[2\]\.role（マシン gluster1）: 「storage」は使えません。"heketi" か "gluster"にしてください/ },
  { rule: 'address', change: (c) => (c.machines[2]!.address = '172.20.1.300'), en: /machines\[3\]\.address \(machine gluster2\): "172\.20\.1\.300" is not allowed — use an IPv4 address/, ja: /machines\[3\]\.address（マシン gluster2）: 「172\.20\.1\.300」は使えません。192\.168\.56\.21 のような IPv4 アドレス/ },
  { rule: 'cpus type', change: (c) => (c.machines[1]!.cpus = 'two'), en: /line \d+, machines\[2\]\.cpus \(machine gluster1\): "two" is not allowed — use a whole number of CPUs from 1 to 16/, ja: /\d+ 行目の machines\[2\]\.cpus（マシン gluster1）: 「two」は使えません。1 から 16 までの整数（CPU の数）/ },
  { rule: 'cpus range', change: (c) => (c.machines[0]!.cpus = 32), en: /machines\[1\]\.cpus \(machine heketi\): "32" is not allowed/, ja: /machines\[1\]\.cpus（マシン heketi）: 「32」は使えません/ },
  { rule: 'memory', change: (c) => (c.machines[0]!.memory_mb = 256), en: /memory_mb \(machine heketi\): "256" is not allowed — use a whole number of MiB from 512 to 65536/, ja: /memory_mb（マシン heketi）: 「256」は使えません。512 から 65536 までの整数（MiB/ },
  { rule: 'missing key', change: (c) => delete c.machines[3]!.memory_mb, en: /machines\[4\]\.memory_mb \(machine gluster3\) is missing: it must be a whole number of MiB/, ja: /machines\[4\]\.memory_mb（マシン gluster3） がありません。512 から 65536 までの整数（MiB、例: 1024）を指定してください/ },
  { rule: 'disk size', change: (c) => (c.data_disk.size_gb = 2048), en: /data_disk\.size_gb: "2048" is not allowed — use a whole number of GB from 1 to 1024/, ja: /data_disk\.size_gb: 「2048」は使えません。1 から 1024 までの整数（GB/ },
  { rule: 'device', change: (c) => (c.data_disk.device = 'sdb'), en: /data_disk\.device: "sdb" is not allowed — use "auto", or a device path such as \/dev\/disk\/by-id\/\S+ or \/dev\/sdb/, ja: /data_disk\.device: 「sdb」は使えません。"auto" か、\/dev\/disk\/by-id\/\S+ や \/dev\/sdb のようなデバイスのパス/ },
  { rule: 'heketi version', change: (c) => (c.heketi.version = '10.4'), en: /heketi\.version: "10\.4" is not allowed — use a Heketi release tag like v10\.4\.0/, ja: /heketi\.version: 「10\.4」は使えません。v10\.4\.0 のような Heketi のリリースタグ/ },
  { rule: 'url', change: (c) => (c.heketi.url = 'ftp://x'), en: /heketi\.url: "ftp:\/\/x" is not allowed — use an http:\/\/ or https:\/\/ address/, ja: /heketi\.url: 「ftp:\/\/x」は使えません。http:\/\/192\.168\.56\.20:8080 のような/ },
  { rule: 'admin user', change: (c) => (c.heketi.admin_user = ''), en: /heketi\.admin_user: an empty value is not allowed — use a user name/, ja: /heketi\.admin_user: 空の値は使えません。ユーザー名/ },
  { rule: 'class name', change: (c) => (c.kubernetes.storage_class = 'Gluster'), en: /kubernetes\.storage_class: "Gluster" is not allowed/, ja: /kubernetes\.storage_class: 「Gluster」は使えません/ },
  { rule: 'unknown key', change: (c) => (c.heketi.ur1 = 'x'), en: /heketi\.ur1: there is no such key here \(did you mean "url"\?\)/, ja: /heketi\.ur1: ここにはそのキーはありません（"url" のことですか？）/ },
  { rule: 'group of wrong type', change: (c) => (c.kubernetes = 'gluster-heketi' as unknown as Record<string, unknown>), en: /kubernetes: "gluster-heketi" is not allowed — use a group of keys/, ja: /kubernetes: 「gluster-heketi」は使えません。"gluster-lab init" が書き出すファイルと同じキーの集まり/ },
  // gluster3 takes gluster2's address, whatever the defaults are (192.168.56.22 since issue 11).
  { rule: 'duplicate address', change: (c) => (c.machines[3]!.address = c.machines[2]!.address), en: /machines\[4\]\.address \(machine gluster3\): 192\.168\.56\.22 is also used by machines\[3\] \(machine gluster2\)/, ja: /machines\[4\]\.address（マシン gluster3）: 192\.168\.56\.22 は machines\[3\]（マシン gluster2） でも使われています/ },
  { rule: 'roles', change: (c) => (c.machines = c.machines.slice(0, 3)), en: /machines: the lab needs one machine with role "heketi" and at least three with role "gluster" \(found 1 with role heketi and 2 with role gluster\)/, ja: /machines: ラボには role が "heketi" のマシンが 1 台と、"gluster" のマシンが 3 台以上必要です（heketi 1 台、gluster 2 台でした）/ },
];

describe('gluster-lab.yaml problems in the user\'s words', () => {
  for (const { rule, change, en, ja } of rules) {
    it(`${rule}: the file, the key as written, what is allowed — in English and Japanese`, () => {
      const english = problems(change, 'en');
      const japanese = problems(change, 'ja');
      expect(english).toContain('/labs/demo/gluster-lab.yaml has 1 problem(s):');
      expect(english).toMatch(en);
      expect(japanese).toContain('/labs/demo/gluster-lab.yaml に 1 件の問題があります:');
      expect(japanese).toMatch(ja);
      // No zod wording, no zero-based dotted keys, no English type names in Japanese.
      expect(`${english}\n${japanese}`).not.toMatch(/Invalid input|expected (number|string)|received|machines\.\d/);
      expect(japanese).not.toMatch(/\b(number|string|expected|Invalid)\b/);
    });
  }
});
