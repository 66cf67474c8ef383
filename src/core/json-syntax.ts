/**
 * A strict JSON syntax check (RFC 8259) that says where the text stops being JSON and what it
 * found there, as data. The YAML parser reads .json files too, but accepts more than JSON
 * (comments, trailing commas, single quotes); JSON.parse says what is wrong only in English that
 * differs between Node versions. Iterative, so deep nesting cannot overflow the stack.
 */

/** The first fault: its offset, and the character there (none: the text ends too early). */
export interface JsonFault {
  offset: number;
  character?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS = ['true', 'false', 'null'];

export function jsonFault(text: string): JsonFault | undefined {
  let pos = 0;
  const stack: Array<'object' | 'array'> = [];
  /** The last token opened a container. */
  let opened = false;
  const fault = (): JsonFault =>
    pos >= text.length ? { offset: text.length } : { offset: pos, character: String.fromCodePoint(text.codePointAt(pos)!) };
  const skip = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const string = (): boolean => {
    if (text[pos] !== '"') return false;
    pos++;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const escape = text[pos + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) return false;
          pos += 6;
        } else if ('"\\/bfnrt'.includes(escape) && escape !== '') pos += 2;
        else return false;
      } else pos++;
    }
    return false;
  };
  /** A scalar, or the opening of a container (pushed). */
  const value = (): boolean => {
    skip();
    const c = text[pos];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      pos++;
      opened = true;
      return true;
    }
    if (c === '"') return string();
    const literal = LITERALS.find((word) => text.startsWith(word, pos));
    if (literal) {
      pos += literal.length;
      return true;
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.exec(text)) {
      pos = NUMBER.lastIndex;
      return true;
    }
    return false;
  };
  /** A key and its colon, inside an object. */
  const key = (): boolean => {
    skip();
    if (!string()) return false;
    skip();
    if (text[pos] !== ':') return false;
    pos++;
    return true;
  };

  if (!value()) return fault();
  for (;;) {
    skip();
    const top = stack[stack.length - 1];
    if (top === undefined) return pos === text.length ? undefined : fault();
    if (text[pos] === (top === 'object' ? '}' : ']')) {
      stack.pop();
      pos++;
      opened = false;
      continue;
    }
    // Right after its opening bracket a container's first member comes; after a member, a comma.
    if (!opened) {
      if (text[pos] !== ',') return fault();
      pos++;
    }
    opened = false;
    if (top === 'object' && !key()) return fault();
    if (!value()) return fault();
  }
}
