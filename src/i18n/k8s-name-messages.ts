import { defineMessages } from './define.js';

/** Why a Kubernetes name is invalid, as a clause each flow puts into its own sentence. */
export const k8sNameMessages = defineMessages(
  {
    problemEmpty: 'it is empty',
    problemTooLong: 'it has {length} characters, at most {max} are allowed',
    problemUppercase: 'capital letters such as "{char}" are not allowed; use lower case',
    problemBadChar: '"{char}" is not allowed; use lower-case letters, digits and "-"',
    problemDotInLabel: 'a namespace cannot contain "."',
    problemBadStart: 'it must start with a letter or digit, not "{char}"',
    problemBadEnd: 'it must end with a letter or digit, not "{char}"',
    problemEmptyPart: 'it has an empty part between dots',
  },
  {
    problemEmpty: '空です',
    problemTooLong: '{length} 文字あります。最大 {max} 文字です',
    problemUppercase: '"{char}" のような大文字は使えません。小文字にしてください',
    problemBadChar: '"{char}" は使えません。小文字の英字、数字、"-" を使ってください',
    problemDotInLabel: 'ネームスペースに "." は使えません',
    problemBadStart: '先頭は英字か数字でなければなりません（"{char}" ではなく）',
    problemBadEnd: '末尾は英字か数字でなければなりません（"{char}" ではなく）',
    problemEmptyPart: 'ドットの間が空になっています',
  },
);
