/**
 * Text decoding for dataset files: UTF-8 (with or without BOM) or GB18030, the superset of GBK
 * that Excel on Chinese Windows writes as "CSV (逗号分隔)".
 *
 * Detection (`'auto'`): a file is UTF-8 if its bytes are valid UTF-8; otherwise it is decoded
 * as GB18030. A decoding is rejected as implausible when it contains control characters that
 * never occur in text (NUL, form feed ...) or, for GB18030, replacement characters that mark
 * byte sequences GB18030 does not define. Binary files and UTF-16 files fail both ways.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Encoding option of the loaders: detect, or force one encoding. */
export type LoadEncoding = 'auto' | 'utf8' | 'gb18030';

/** An encoding a file was actually decoded with. */
export type TextEncodingName = 'utf8' | 'gb18030';

/** Thrown by a decoder when the bytes are not (plausibly) text in its encoding. */
export class EncodingMismatch extends Error {
  override readonly name = 'EncodingMismatch';
  constructor(readonly encoding: TextEncodingName) {
    super(`not ${encoding} text`);
  }
}

/** An incremental decoder: `write` each chunk of bytes, then `end`. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

// C0 controls other than tab, line feed and carriage return; DEL is left alone (Excel keeps it).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;
const CONTROL_OR_REPLACEMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/u;

function stripBom(text: string, first: boolean): string {
  return first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Creates an incremental decoder that throws {@link EncodingMismatch} as soon as the bytes are
 * not plausible text in `encoding`. A leading BOM is removed.
 */
export function createDecoder(encoding: TextEncodingName): ChunkDecoder {
  let first = true;
  const check = (text: string): string => {
    const out = stripBom(text, first);
    if (text.length > 0) first = false;
    if ((encoding === 'utf8' ? CONTROL : CONTROL_OR_REPLACEMENT).test(out)) throw new EncodingMismatch(encoding);
    return out;
  };
  if (encoding === 'utf8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    const run = (f: () => string): string => {
      try {
        return f();
      } catch (error) {
        if (error instanceof TypeError) throw new EncodingMismatch('utf8');
        throw error;
      }
    };
    return {
      write: (chunk) => check(run(() => decoder.decode(chunk, { stream: true }))),
      end: () => check(run(() => decoder.decode())),
    };
  }
  const decoder = iconv.getDecoder('gb18030');
  return {
    write: (chunk) => check(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))),
    end: () => check(decoder.end() ?? ''),
  };
}

/** The encodings to try, in order, for an encoding option. */
export function candidateEncodings(encoding: LoadEncoding): TextEncodingName[] {
  return encoding === 'auto' ? ['utf8', 'gb18030'] : [encoding];
}

/**
 * Decodes a whole file. Returns the text and the encoding used, or `undefined` when no
 * candidate encoding gives plausible text.
 *
 * @example
 * decodeText(iconv.encode('名称', 'gb18030'), 'auto') // → { text: '名称', encoding: 'gb18030' }
 */
export function decodeText(
  bytes: Uint8Array,
  encoding: LoadEncoding = 'auto',
): { text: string; encoding: TextEncodingName } | undefined {
  for (const candidate of candidateEncodings(encoding)) {
    if (candidate === 'utf8') {
      // a whole file at once: Node's validator and decoder (simdutf) are several times faster
      // than a fatal TextDecoder; the result is the same (one BOM dropped by decoding, as
      // TextDecoder does, one by `stripBom`, as the streaming decoder does)
      if (!isUtf8(bytes)) continue;
      let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      text = stripBom(stripBom(text, true), true);
      if (CONTROL.test(text)) continue;
      return { text, encoding: candidate };
    }
    try {
      const decoder = createDecoder(candidate);
      return { text: decoder.write(bytes) + decoder.end(), encoding: candidate };
    } catch (error) {
      if (!(error instanceof EncodingMismatch)) throw error;
    }
  }
  return undefined;
}
