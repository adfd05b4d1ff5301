/**
 * Scratch memory for the analyses' temporary typed arrays, kept per model and reused from call
 * to call.
 *
 * Why: V8 counts the memory behind typed arrays as "external" and starts a full (mark-compact)
 * garbage collection each time 64 MB more of it was allocated since the last one. A province
 * model (10⁶ firms, 10⁷ links) makes arrays of 4–80 MB per analysis call, so nearly every call
 * started one, and each traces every object the program holds — among them the dataset's 10⁷
 * link objects, 1.5–2 s each time. Measured on the full report at 1e6: 28 of its 29 collections
 * were started that way and took about 40 % of its time. Arrays cut from blocks allocated once
 * per model allocate nothing the collector counts after the first call.
 *
 * How: a stack of blocks (ArrayBuffers of at least {@link BLOCK_BYTES}). {@link withScratch} opens
 * a scope; arrays taken in it are cut from the blocks in order and are free again when the scope
 * ends (scopes nest: an analysis calling another gets arrays after its own). Blocks are allocated
 * when a scope needs more than the blocks hold, so the memory kept is the largest amount ever in
 * use at once, for as long as the model lives (a WeakMap entry; the model is not touched).
 *
 * Rules for users: an array from {@link Scratch} is valid only inside its scope — never return
 * it, never store it in a result or a per-model cache; copy what must outlive the call.
 */

/** Smallest block, in bytes: small arrays share blocks; larger requests get a block of their own size. */
export const BLOCK_BYTES = 16 * 2 ** 20;

type Typed = Int32Array | Float64Array | Uint8Array | Uint32Array | Float32Array | Int8Array | Uint16Array;

/** The arrays of one scope of {@link withScratch}; each is zero-filled unless a fill value is given. */
export interface Scratch {
  int32(length: number, fill?: number): Int32Array;
  uint32(length: number, fill?: number): Uint32Array;
  float64(length: number, fill?: number): Float64Array;
  float32(length: number, fill?: number): Float32Array;
  uint8(length: number, fill?: number): Uint8Array;
  int8(length: number, fill?: number): Int8Array;
  uint16(length: number, fill?: number): Uint16Array;
  /** A scratch copy of `source` (the same type and length). */
  copy<T extends Typed>(source: T): T;
}

class Arena {
  readonly blocks: ArrayBuffer[] = [];
  /** Block in use and the first free byte in it. */
  block = 0;
  offset = 0;

  take(bytes: number): { buffer: ArrayBuffer; offset: number } {
    // 8-byte alignment for Float64Array views
    let offset = (this.offset + 7) & ~7;
    let current = this.blocks[this.block];
    if (current !== undefined && offset + bytes <= current.byteLength) {
      this.offset = offset + bytes;
      return { buffer: current, offset };
    }
    // the blocks after the one in use are free (scopes are a stack): the first that fits moves up
    let next = this.block + (current === undefined ? 0 : 1);
    let found = -1;
    for (let b = next; b < this.blocks.length; b++)
      if (this.blocks[b]!.byteLength >= bytes) {
        found = b;
        break;
      }
    if (found === -1) {
      this.blocks.splice(next, 0, new ArrayBuffer(Math.max(bytes, BLOCK_BYTES)));
    } else if (found !== next) {
      const [fits] = this.blocks.splice(found, 1);
      this.blocks.splice(next, 0, fits!);
    }
    this.block = next;
    offset = 0;
    current = this.blocks[next]!;
    this.offset = bytes;
    return { buffer: current, offset };
  }
}

const arenas = new WeakMap<object, Arena>();

type Ctor<T> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; readonly BYTES_PER_ELEMENT: number };

function cut<T extends Typed>(arena: Arena, type: Ctor<T>, length: number, fill: number): T {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`invalid scratch array length ${length}`);
  const { buffer, offset } = arena.take(length * type.BYTES_PER_ELEMENT);
  const array = new type(buffer, offset, length);
  array.fill(fill);
  return array;
}

/**
 * Runs `run` with a scope of scratch arrays for `model` (any object the arrays belong with,
 * normally the ChainModel); the arrays are free again when it returns or throws.
 *
 * @example
 * const total = withScratch(model, (s) => {
 *   const seen = s.uint8(model.index.enterprises.ids.length);
 *   // … fill and read `seen`; return plain numbers or arrays, never `seen` itself
 *   return seen.reduce((a, b) => a + b, 0);
 * });
 */
export function withScratch<R>(model: object, run: (scratch: Scratch) => R): R {
  let arena = arenas.get(model);
  if (arena === undefined) arenas.set(model, (arena = new Arena()));
  const a = arena;
  const block = a.block;
  const offset = a.offset;
  let open = true;
  const check = () => {
    if (!open) throw new Error('scratch array requested after its scope ended');
  };
  const scratch: Scratch = {
    int32: (n, fill = 0) => (check(), cut(a, Int32Array, n, fill)),
    uint32: (n, fill = 0) => (check(), cut(a, Uint32Array, n, fill)),
    float64: (n, fill = 0) => (check(), cut(a, Float64Array, n, fill)),
    float32: (n, fill = 0) => (check(), cut(a, Float32Array, n, fill)),
    uint8: (n, fill = 0) => (check(), cut(a, Uint8Array, n, fill)),
    int8: (n, fill = 0) => (check(), cut(a, Int8Array, n, fill)),
    uint16: (n, fill = 0) => (check(), cut(a, Uint16Array, n, fill)),
    copy: <T extends Typed>(source: T): T => {
      check();
      const out = cut(a, source.constructor as unknown as Ctor<T>, source.length, 0);
      (out as Int32Array).set(source as Int32Array);
      return out;
    },
  };
  try {
    return run(scratch);
  } finally {
    open = false;
    a.block = block;
    a.offset = offset;
  }
}

/**
 * Bytes of scratch blocks kept for `model` (0 when none): the largest amount its analyses had
 * in use at once. For benchmarks and tests.
 *
 * @example
 * scratchBytes(model); // → 16777216 after a small analysis
 */
export function scratchBytes(model: object): number {
  const arena = arenas.get(model);
  if (arena === undefined) return 0;
  let bytes = 0;
  for (const block of arena.blocks) bytes += block.byteLength;
  return bytes;
}
