import type { KnipConfig } from 'knip';

// What runs on its own: the CLI and the simulated tools (bundled by build.mjs), the fast paths
// build/fast-paths.mjs puts in front of string-width and Ink's styled characters, the build and
// bench scripts. build.mjs comes in through package.json's scripts, the test files through the
// vitest plugin (vitest.config.ts), eslint.config.js through the eslint plugin.
const config: KnipConfig = {
  // Also what tests and benchmarks start as processes: fake programs and stand-ins.
  entry: ['src/cli.ts', 'src/sim/bin/*.ts', 'src/text/*-fast-path.ts', 'build/*.mjs', 'bench/*.ts', 'bench/replay/fake-vagrant.ts', 'bench/replay/passthrough.ts', 'test/**/*.mjs', 'test/real-daemons/harness/doctor-nfs-layer.ts'],
  project: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx,mjs}', 'bench/**/*.ts', 'build/**/*.mjs', '*.{js,mjs,ts}'],
  // The programs the lab drives are installed on the machine, not npm packages.
  // The tests' real tools and daemons come from Debian's packages (.ci/run installs them).
  ignoreBinaries: ['kubectl', 'vagrant', 'VBoxManage', 'ip', 'gcc', 'ansible-playbook', 'ssh-keygen', 'mount', 'umount', 'setpriv'],
  // Ink's own yoga-layout: the fast-path test checks our wasm decoding against the version Ink installed.
  ignoreDependencies: ['yoga-layout'],
};

export default config;
