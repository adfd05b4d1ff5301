import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder, decodeText, EncodingMismatch } from '../../src/io/encoding.js';

/** What decodeText gave before it had a whole-file path: the streaming decoder over all bytes. */
function streamed(bytes: Uint8Array): string | undefined {
  try {
    const decoder = createDecoder('utf8');
    return decoder.write(bytes) + decoder.end();
  } catch (error) {
    if (error instanceof EncodingMismatch) return undefined;
    throw error;
  }
}

describe('decodeText as UTF-8', () => {
  it('gives what the streaming decoder gives, on text, BOMs, control characters and broken bytes', () => {
    const enc = new TextEncoder();
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => enc.encode(s)),
      fc.constantFrom(enc.encode('\uFEFF'), enc.encode('名称,地区\r\n'), enc.encode('\u0000'), enc.encode('\u000C'), enc.encode('\t\n')),
      fc.uint8Array({ maxLength: 4 }),
      fc.constantFrom(Uint8Array.of(0xe4, 0xb8), Uint8Array.of(0xc0, 0x80), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flatMap((p) => [...p]));
        const got = decodeText(bytes, 'utf8');
        expect(got?.text).toEqual(streamed(bytes));
        if (got) expect(got.encoding).toBe('utf8');
      }),
      { numRuns: 5000 },
    );
  });

  it('drops at most two BOMs, as before', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(decodeText(Uint8Array.from([...bom, ...bom, ...bom, 0x61]), 'utf8')?.text).toBe('\uFEFFa');
  });
});
