type Width = (text: string, options: { ambiguousIsNarrow: boolean }) => number | undefined;

/**
 * A fast path against the function it stands in front of, on every BMP character with
 * narrow and wide ambiguous characters: the characters where it answers differently, and
 * how many answers it gave at all (undefined: it leaves the character to the original).
 */
export function bmpAgreement(fast: Width, original: Width): { disagree: string[]; answered: number } {
  const disagree: string[] = [];
  let answered = 0;
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    for (const ambiguousIsNarrow of [true, false]) {
      const answer = fast(ch, { ambiguousIsNarrow });
      if (answer === undefined) continue;
      answered++;
      if (answer !== original(ch, { ambiguousIsNarrow })) disagree.push(`U+${code.toString(16).padStart(4, '0')} ambiguousIsNarrow=${ambiguousIsNarrow}`);
    }
  }
  return { disagree, answered };
}
