/**
 * `JSON.stringify(value, null, indent)` in pieces, for values whose text would not fit in one
 * string (V8's longest string is 2^29 − 24 characters, about 0.5–1 GB of JSON) or would double
 * the memory of a large report. The pieces joined are exactly `JSON.stringify(value, null,
 * indent)` for plain JSON data (objects, arrays, strings, finite numbers, booleans, null;
 * `undefined` properties left out and `undefined` array items written as null, as JSON.stringify
 * does; non-finite numbers as null). `toJSON` methods are honoured on the values descended into.
 *
 * A value holding at most `pieceItems` (default 4 096) values in all (itself included), or lying
 * deeper than `depth`, is written by one JSON.stringify (then re-indented); larger arrays and
 * objects are descended into, and consecutive items of an array written whole go out together,
 * up to `pieceItems` items or 64 Ki characters a piece; so the pieces are few and large and none
 * holds a whole large list.
 */

const INDENT_LIMIT = 10;

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Default of `pieceItems`: the most values a piece is written from. */
const PIECE_ITEMS = 4096;
/** Most characters of a run of array items written together. */
const RUN_CHARS = 1 << 16;

/**
 * `budget` less the values in `value` (itself and everything inside it, toJSON not applied);
 * stops counting once below 0.
 */
function weigh(value: unknown, budget: number): number {
  let left = budget - 1;
  if (left < 0 || !isContainer(value)) return left;
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length && left >= 0; k++) left = weigh(value[k], left);
    return left;
  }
  for (const key in value) {
    if (left < 0) break;
    if (Object.hasOwn(value, key)) left = weigh((value as Record<string, unknown>)[key], left);
  }
  return left;
}

/**
 * The text of `JSON.stringify(value, null, indent)`, as a sequence of strings.
 *
 * @example
 * [...jsonChunks({ a: [1, 2] }, 2)].join(''); // → '{\n  "a": [\n    1,\n    2\n  ]\n}'
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 64, pieceItems = PIECE_ITEMS): Generator<string> {
  const unit = ' '.repeat(Math.max(0, Math.min(INDENT_LIMIT, Math.floor(indent))));
  const top = prepare(value);
  if (top === undefined) return;
  yield* write(top, '', depth);

  /** Written by one JSON.stringify: a primitive, a value deeper than `left`, or a container of at most pieceItems values in all. */
  function isLeaf(v: unknown, left: number): boolean {
    return !isContainer(v) || left <= 0 || weigh(v, pieceItems) >= 0;
  }

  function leafText(v: unknown, pad: string): string {
    const text = JSON.stringify(v, null, unit);
    return pad === '' || unit === '' ? text : text.replace(/\n/gu, `\n${pad}`);
  }

  function* write(v: unknown, pad: string, left: number): Generator<string> {
    if (isLeaf(v, left)) {
      yield leafText(v, pad);
      return;
    }
    const inner = unit === '' ? '' : `${pad}${unit}`;
    const open = unit === '' ? '' : `\n${inner}`;
    const close = unit === '' ? '' : `\n${pad}`;
    if (Array.isArray(v)) {
      // consecutive leaf items go out together, up to pieceItems items or RUN_CHARS characters
      let run = `[${open}`;
      let count = 0;
      for (let k = 0; k < v.length; k++) {
        const sep = k > 0 ? `,${open}` : '';
        if (!isContainer(v[k])) {
          // a run of primitives (ids, numbers): one JSON.stringify of the slice, brackets cut off
          let end = k + 1;
          while (end < v.length && end - k < pieceItems && !isContainer(v[end])) end++;
          const text = JSON.stringify(v.slice(k, end), null, unit);
          const body = unit === '' ? text.slice(1, -1) : text.slice(2 + unit.length, -2);
          run += sep + (pad === '' || unit === '' ? body : body.replace(/\n/gu, `\n${pad}`));
          count += end - k;
          k = end - 1;
          if (count >= pieceItems || run.length >= RUN_CHARS) {
            yield run;
            run = '';
            count = 0;
          }
          continue;
        }
        const prepared = prepare(v[k], String(k));
        const item = prepared === undefined ? null : prepared;
        if (isLeaf(item, left - 1)) {
          run += sep + leafText(item, inner);
          if (++count >= pieceItems || run.length >= RUN_CHARS) {
            yield run;
            run = '';
            count = 0;
          }
        } else {
          yield run + sep;
          run = '';
          count = 0;
          yield* write(item, inner, left - 1);
        }
      }
      yield `${run}${close}]`;
      return;
    }
    // an object (isLeaf took everything else)
    const record = v as Record<string, unknown>;
    let first = true;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const item = prepare(record[key], key);
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
