/**
 * A file name as a shell word, for the commands the CLI prints for the user to run next: printed
 * commands must work as printed, names with spaces or quotes included.
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
