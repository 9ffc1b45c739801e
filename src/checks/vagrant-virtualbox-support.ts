/**
 * The first Vagrant release whose VirtualBox provider accepts each VirtualBox series
 * (hashicorp/vagrant CHANGELOG.md, each release that added a series to the provider's driver
 * map in plugins/providers/virtualbox/driver/meta.rb: 6.0 in 2.2.1, 6.1 in 2.2.7, 7.0 in 2.3.2 [GH-12947], 7.1 in 2.4.2 [GH-13513],
 * 7.2 in 2.4.9 [GH-13709]). Series older than the first row are too old for the lab's box.
 */
export const vagrantSupportForVirtualBox: ReadonlyArray<{ virtualbox: string; firstVagrant: string }> = [
  { virtualbox: '6.0', firstVagrant: '2.2.1' },
  { virtualbox: '6.1', firstVagrant: '2.2.7' },
  { virtualbox: '7.0', firstVagrant: '2.3.2' },
  { virtualbox: '7.1', firstVagrant: '2.4.2' },
  { virtualbox: '7.2', firstVagrant: '2.4.9' },
];
