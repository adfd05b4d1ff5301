/**
 * Where values are in a JSON text: the offset of the value at each of some dataset paths
 * (`links[3].to`), found by one scan of a text that is known to be valid JSON. Used only when a
 * dataset read from JSON has issues, to point each at its line and column; the valid path never
 * runs it. Iterative, so deep nesting cannot overflow the stack.
 */
import { formatPath } from '../model/issues.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/** The path of a member or element below `parent`, formatted as `formatPath` does. */
function child(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The end (exclusive) of the string starting at `pos` (its opening quote). */
function stringEnd(text: string, pos: number): number {
  let i = pos + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i += 2;
    else if (Number.isNaN(c)) return text.length;
    else i++;
  }
}

/** The end of the number or literal starting at `pos`. */
function scalarEnd(text: string, pos: number): number {
  let i = pos;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) break;
  }
  return i;
}

interface Frame {
  object: boolean;
  path: string;
  index: number;
}

/**
 * The offset of the value at each wanted path (formatted as `links[3].to`) that is in the text.
 * Paths absent from the text are absent from the result.
 *
 * @example
 * locateJsonValues('{"links": [{"to": "x"}]}', new Set(['links[0].to'])) // → Map { 'links[0].to' => 18 }
 */
export function locateJsonValues(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  let pos = 0;
  const skip = () => {
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  };
  const stack: Frame[] = [];
  // the path of the next member or element of the innermost container
  const enter = (frame: Frame): string => {
    if (!frame.object) return child(frame.path, frame.index);
    const end = stringEnd(text, pos);
    const raw = text.slice(pos + 1, end - 1);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(pos, end)) as string) : raw;
    pos = end;
    skip();
    pos++; // the colon
    skip();
    return child(frame.path, key);
  };
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  skip();
  let path = '';
  while (pos < text.length) {
    if (wanted.has(path)) found.set(path, pos);
    const c = text[pos];
    if (c === '{' || c === '[') {
      pos++;
      skip();
      const frame = { object: c === '{', path, index: 0 };
      if (text[pos] !== (c === '{' ? '}' : ']')) {
        stack.push(frame);
        path = enter(frame);
        continue;
      }
      pos++;
    } else pos = c === '"' ? stringEnd(text, pos) : scalarEnd(text, pos);
    skip();
    // after a value: the next member or element, or the end of containers
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) return found;
      if (text[pos] === ',') {
        pos++;
        skip();
        top.index++;
        path = enter(top);
        break;
      }
      stack.pop();
      pos++;
      skip();
    }
  }
  return found;
}

/** Every prefix of a path, formatted, the path itself included: where to fall back to when it is absent. */
export function pathPrefixes(segments: readonly (string | number)[]): string[] {
  const out: string[] = [];
  for (let n = segments.length; n >= 0; n--) out.push(formatPath(segments.slice(0, n)));
  return out;
}
