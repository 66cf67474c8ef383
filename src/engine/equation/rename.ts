/**
 * Renaming inside an XMILE equation: the equation is read into tokens, and only the characters of
 * the names that match are replaced, so its spacing, brackets and comments stay as written.
 * Names match by the canonical rule (case, spaces and underscores aside), as the engine reads them.
 */
import { canonicalName } from '../names.js';
import { formatName } from './format.js';
import { EquationSyntaxError, tokenize, type Token } from './lex.js';

/** Where a name token ends: after its closing quote when quoted (escapes included). */
function endOf(text: string, token: Extract<Token, { kind: 'name' }>): number {
  if (!token.quoted) return token.at + token.text.length;
  let j = token.at + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\') ? 2 : 1;
  return j + 1;
}

const isDot = (token: Token | undefined): boolean => token?.kind === 'op' && token.op === '.';

/**
 * `equation` with every name whose canonical form is `from`'s written as `to`; `undefined` when the
 * equation cannot be read. Parts of dotted names (a module's variable, `Dim.Element`) are left.
 *
 * @example renameInEquation('Room Temperature - room_temperature * 2', 'room temperature', 'Heat')
 * // → 'Heat - Heat * 2'
 */
export function renameInEquation(equation: string, from: string, to: string): string | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(equation);
  } catch (error) {
    if (error instanceof EquationSyntaxError) return undefined;
    throw error;
  }
  const wanted = canonicalName(from);
  const written = formatName(to);
  let out = '';
  let copied = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== 'name' || canonicalName(token.text) !== wanted) return;
    if (isDot(tokens[i - 1]) || isDot(tokens[i + 1])) return;
    out += equation.slice(copied, token.at) + written;
    copied = endOf(equation, token);
  });
  return out + equation.slice(copied);
}
