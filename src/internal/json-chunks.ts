/**
 * `JSON.stringify(value, null, indent)` in pieces, for values whose text would not fit in one
 * string (V8's longest string is 2^29 − 24 characters, about 0.5–1 GB of JSON) or would double
 * the memory of a large report. The pieces joined are exactly `JSON.stringify(value, null,
 * indent)` for plain JSON data (objects, arrays, strings, finite numbers, booleans, null;
 * `undefined` properties left out and `undefined` array items written as null, as JSON.stringify
 * does; non-finite numbers as null). `toJSON` methods are honoured on the values descended into.
 *
 * Arrays and objects are descended into; a value whose children are all primitives, or that
 * lies deeper than `depth`, is written by one JSON.stringify (then re-indented), so the pieces
 * are few and large: about one per list row.
 */

const INDENT_LIMIT = 10;

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Has a child that is an array or an object (worth descending into). */
function hasContainerChild(value: object): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (isContainer(item)) return true;
    return value.length > 4096;
  }
  for (const key in value) if (Object.hasOwn(value, key) && isContainer((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * The text of `JSON.stringify(value, null, indent)`, as a sequence of strings.
 *
 * @example
 * [...jsonChunks({ a: [1, 2] }, 2)].join(''); // → '{\n  "a": [\n    1,\n    2\n  ]\n}'
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 64): Generator<string> {
  const unit = ' '.repeat(Math.max(0, Math.min(INDENT_LIMIT, Math.floor(indent))));
  const top = prepare(value);
  if (top === undefined) return;
  yield* write(top, '', depth);

  function* write(v: unknown, pad: string, left: number): Generator<string> {
    if (!isContainer(v) || left <= 0 || !hasContainerChild(v)) {
      const text = JSON.stringify(v, null, unit);
      yield pad === '' || unit === '' ? text : text.replace(/\n/gu, `\n${pad}`);
      return;
    }
    const inner = unit === '' ? '' : `${pad}${unit}`;
    const open = unit === '' ? '' : `\n${inner}`;
    const close = unit === '' ? '' : `\n${pad}`;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        yield '[]';
        return;
      }
      yield `[${open}`;
      for (let k = 0; k < v.length; k++) {
        if (k > 0) yield `,${open}`;
        const item = prepare(v[k], String(k));
        yield* write(item === undefined ? null : item, inner, left - 1);
      }
      yield `${close}]`;
      return;
    }
    let first = true;
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const item = prepare((v as Record<string, unknown>)[key], key);
      if (item === undefined) continue;
      yield `${first ? '{' : ','}${open}${JSON.stringify(key)}:${unit === '' ? '' : ' '}`;
      first = false;
      yield* write(item, inner, left - 1);
    }
    yield first ? '{}' : `${close}}`;
  }
}

/** The value as JSON.stringify sees it: toJSON applied; undefined, functions and symbols → undefined. */
function prepare(value: unknown, key = ''): unknown {
  let v = value;
  if (isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v;
}
