// Helpers of the rules: the KR references (shared with the fixes) and message wording.
export * from '../kr-refs';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Ends a clause with a full stop unless it already ends with punctuation. */
export function endSentence(text: string): string {
  return /[.?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
