/**
 * JSON dataset files. `JSON.parse` does the parsing; when it fails, a small scanner finds the
 * first syntax error and reports its line and column (Node's own messages give a character
 * offset at best, and none for truncated input).
 */

/** Where and why a JSON text is invalid. Line and column are 1-based; columns count code points. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  offset: number;
  detail: string;
}

/** Line and column (1-based, code points) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    // count a surrogate pair once
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < offset) i++;
    column++;
  }
  return { line, column };
}

/**
 * Line and column (1-based, columns in code points) of each offset, in one pass over the text:
 * for many positions at once, where {@link lineColumn} would scan the text once per offset.
 *
 * @example
 * lineColumns('a\nbc', [0, 3]); // Map { 0 => { line: 1, column: 1 }, 3 => { line: 2, column: 2 } }
 */
export function lineColumns(text: string, offsets: Iterable<number>): Map<number, { line: number; column: number }> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, { line: number; column: number }>();
  let line = 1;
  let column = 1;
  let i = 0;
  for (const offset of sorted) {
    for (; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        line++;
        column = 1;
      } else if (!(c >= 0xdc00 && c <= 0xdfff)) column++; // a surrogate pair counts once
    }
    out.set(offset, { line, column });
  }
  return out;
}

function describe(text: string, at: number): string {
  if (at >= text.length) return 'end of input';
  const cp = text.codePointAt(at)!;
  return cp < 0x20 ? `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(String.fromCodePoint(cp));
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax error in a JSON text, or `undefined` if the text is valid JSON.
 * Iterative, so deeply nested input cannot overflow the stack.
 *
 * @example
 * findJsonError('{\n  "a": [1, 2\n') // → { line: 3, column: 1, offset: 14, detail: 'expected "," or "]" but found end of input' }
 */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let pos = 0;
  const stack: ('{' | '[')[] = [];
  // a container was just opened: its first member or element (or its end) comes next
  let opened = false;
  const fail = (detail: string, at = pos): JsonSyntaxError => ({ ...lineColumn(text, at), offset: at, detail });
  const skip = () => {
    while (pos < text.length && WS.has(text.charCodeAt(pos))) pos++;
  };
  const string = (): JsonSyntaxError | undefined => {
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) return fail('unterminated string: expected \'"\' but found end of input');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return undefined;
      }
      if (c < 0x20) return fail(`unescaped ${describe(text, pos)} in a string`);
      if (c === 0x5c) {
        const e = text[pos + 1];
        if (e === undefined) return fail('unterminated string: expected \'"\' but found end of input', pos + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(pos + 2, pos + 6))) return fail('invalid \\u escape: expected 4 hex digits', pos);
          pos += 6;
        } else if ('"\\/bfnrt'.includes(e)) pos += 2;
        else return fail(`invalid escape "\\${e}" in a string`, pos);
      } else pos++;
    }
  };
  // one value; a container is only opened here, its contents are read by the loop below
  const value = (): JsonSyntaxError | undefined => {
    skip();
    if (pos >= text.length) return fail('expected a value but found end of input');
    const c = text[pos]!;
    if (c === '{' || c === '[') {
      stack.push(c);
      pos++;
      opened = true;
      return undefined;
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-') return fail(`invalid number`);
      pos += m[0].length;
      return undefined;
    }
    for (const literal of LITERALS) {
      if (text.startsWith(literal, pos)) {
        pos += literal.length;
        return undefined;
      }
    }
    return fail(`expected a value but found ${describe(text, pos)}`);
  };
  const member = (): JsonSyntaxError | undefined => {
    skip();
    if (text[pos] !== '"') return fail(`expected a property name in double quotes but found ${describe(text, pos)}`);
    const bad = string();
    if (bad) return bad;
    skip();
    if (text[pos] !== ':') return fail(`expected ":" after a property name but found ${describe(text, pos)}`);
    pos++;
    return value();
  };

  let bad = value();
  while (!bad) {
    skip();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (pos < text.length) bad = fail(`unexpected ${describe(text, pos)} after the end of the JSON value`);
      break;
    }
    const close = top === '{' ? '}' : ']';
    if (opened) {
      opened = false;
      if (text[pos] === close) {
        stack.pop();
        pos++;
      } else bad = top === '{' ? member() : value();
    } else if (text[pos] === ',') {
      pos++;
      bad = top === '{' ? member() : value();
    } else if (text[pos] === close) {
      stack.pop();
      pos++;
    } else bad = fail(`expected "," or "${close}" but found ${describe(text, pos)}`);
  }
  return bad;
}

/**
 * Parses a JSON text; on a syntax error returns where it is instead of throwing.
 *
 * @example
 * parseJson('{"a": 1') // → { ok: false, error: { line: 1, column: 8, ... } }
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const found = findJsonError(text);
    if (found) return { ok: false, error: found };
    // the scanner accepts only valid JSON, so this is not expected; keep the engine's reason
    return { ok: false, error: { line: 1, column: 1, offset: 0, detail: (error as Error).message } };
  }
}

/** Serialises a dataset as JSON: 2-space indent, trailing newline. */
export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A key given twice in one JSON object: where its second occurrence is, and the object's path. */
export interface JsonDuplicateKey {
  key: string;
  path: (string | number)[];
  line: number;
  column: number;
}


/**
 * Finds the keys given twice in one object of a valid JSON text (`JSON.parse` keeps the last
 * and drops the others silently). One pass; positions are computed only for duplicates.
 *
 * @example
 * findDuplicateKeys('{"meta": {}, "meta": {}}') // → [{ key: 'meta', path: [], line: 1, column: 14 }]
 */
export function findDuplicateKeys(text: string): JsonDuplicateKey[] {
  const found: Omit<JsonDuplicateKey, 'line' | 'column'>[] = [];
  const offsets: number[] = [];
  // one frame per nesting level, reused (a million small objects): the keys seen in an object
  // (null for an array), the current key or index, and whether a key comes next
  const frames: { keys: Set<string> | null; at: string | number; expectKey: boolean }[] = [];
  let depth = 0;
  const enter = (object: boolean) => {
    const frame = (frames[depth] ??= { keys: null, at: 0, expectKey: false });
    if (object) {
      if (frame.keys) frame.keys.clear();
      else frame.keys = new Set();
    } else frame.keys = null;
    frame.at = object ? '' : 0;
    frame.expectKey = object;
    depth++;
  };
  // a loop over character codes, with indexOf to the end of each string: several times faster
  // than a tokenizing regex on a file of a hundred MB
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let end = text.indexOf('"', i + 1);
      // a quote after an odd number of backslashes is inside the string
      for (;;) {
        if (end === -1) return placed(text, found, offsets);
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end;
      const top = depth > 0 ? frames[depth - 1]! : undefined;
      if (top?.keys && top.expectKey) {
        const token = text.slice(start, end + 1);
        const key = token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
        top.expectKey = false;
        if (top.keys.has(key)) {
          found.push({ key, path: frames.slice(0, depth - 1).map((frame) => frame.at) });
          offsets.push(start);
        } else top.keys.add(key);
        top.at = key;
      }
    } else if (c === 0x7b /* { */) enter(true);
    else if (c === 0x5b /* [ */) enter(false);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    else if (c === 0x2c /* , */) {
      const top = frames[depth - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return placed(text, found, offsets);
}

/** The duplicates found, each with the line and column of its offset, in one pass over the text. */
function placed(text: string, found: readonly Omit<JsonDuplicateKey, 'line' | 'column'>[], offsets: readonly number[]): JsonDuplicateKey[] {
  const positions = lineColumns(text, offsets);
  return found.map((d, k) => ({ ...d, ...positions.get(offsets[k]!)! }));
}
