import { defineMessages } from './define.js';

/**
 * gluster-lab.yaml rules the program and the Vagrantfile both hold (provisioning/Vagrantfile
 * repeats them in Ruby, with the same meaning): the YAML forms Ruby's Psych reads differently
 * or not at all, and the addresses a VM on one host-only network can have.
 */
export const configRuleMessages = defineMessages(
  {
    yamlAlias: '{file} uses a YAML anchor or alias (line {line}); the Vagrantfile cannot read them. Write the values out in full.',
    yamlTag: '{file} uses the YAML tag {tag} (line {line}); the Vagrantfile reads plain values only. Remove the tag.',
    yamlBase60: '{file}: {value} (line {line}) is a base-60 number in YAML 1.1, which the Vagrantfile reads differently. Write the number plainly, or quote it if it is text.',
    yamlDate: '{file}: {value} (line {line}) is a date in YAML; quote it if it is text.',
    yamlNotWhole: '{file}: {value} (line {line}) is not a whole number, and YAML readers disagree on it. Write a whole number such as 2, or quote it if it is text.',
    yamlYesNo: '{file}: {value} (line {line}) is yes/no to some YAML readers and a letter to others. Quote it.',
    addressNotHost: 'not an address a VM can have: {why}',
    whyZeroNet: 'it is in 0.0.0.0/8',
    whyLoopback: 'it is a loopback address (127.0.0.0/8)',
    whyLinkLocal: 'it is a link-local address (169.254.0.0/16)',
    whyMulticast: 'it is a multicast address (224.0.0.0/4)',
    whyReserved: 'it is reserved (240.0.0.0/4, with the broadcast address 255.255.255.255)',
    whyNetwork: 'it ends in .0, the network address of its /24',
    whyBroadcast: 'it ends in .255, the broadcast address of its /24',
    whyHostAdapter: 'it ends in .1, which VirtualBox gives the host itself on a host-only network',
    addressOtherNetwork: 'not in the /24 network of {first} ({network}): the VMs share one host-only network',
    boxFormat: 'a box name such as bento/ubuntu-24.04: letters, digits and . _ / -, at most 100 characters',
    adminUserFormat: 'letters, digits and . _ -, at most 32 characters',
  },
  {
    yamlAlias: '{file} は YAML のアンカーかエイリアスを使っています（{line} 行目）。Vagrantfile はこれを読めません。値をそのまま書いてください。',
    yamlTag: '{file} は YAML のタグ {tag} を使っています（{line} 行目）。Vagrantfile は素の値しか読みません。タグを外してください。',
    yamlBase60: '{file}: {value}（{line} 行目）は YAML 1.1 では 60 進数になり、Vagrantfile は別の値として読みます。数値をそのまま書くか、文字列ならクォートしてください。',
    yamlDate: '{file}: {value}（{line} 行目）は YAML では日付になります。文字列ならクォートしてください。',
    yamlNotWhole: '{file}: {value}（{line} 行目）は整数ではなく、YAML の読み手によって解釈が分かれます。2 のような整数で書くか、文字列ならクォートしてください。',
    yamlYesNo: '{file}: {value}（{line} 行目）は YAML の読み手によって yes/no にも 1 文字の文字列にもなります。クォートしてください。',
    addressNotHost: 'VM に使えないアドレスです: {why}',
    whyZeroNet: '0.0.0.0/8 の範囲です',
    whyLoopback: 'ループバックアドレス（127.0.0.0/8）です',
    whyLinkLocal: 'リンクローカルアドレス（169.254.0.0/16）です',
    whyMulticast: 'マルチキャストアドレス（224.0.0.0/4）です',
    whyReserved: '予約済みの範囲（240.0.0.0/4、ブロードキャスト 255.255.255.255 を含む）です',
    whyNetwork: '末尾が .0 で、/24 のネットワークアドレスです',
    whyBroadcast: '末尾が .255 で、/24 のブロードキャストアドレスです',
    whyHostAdapter: '末尾が .1 で、ホストオンリーネットワークでは VirtualBox がホスト自身に割り当てます',
    addressOtherNetwork: '{first} と同じ /24 のネットワーク（{network}）にありません。VM はひとつのホストオンリーネットワークを共有します',
    boxFormat: 'bento/ubuntu-24.04 のような box 名にしてください（英数字と . _ / -、100 文字まで）',
    adminUserFormat: '英数字と . _ - で、32 文字までにしてください',
  },
);
