/**
 * A fast CSV tokenizer for the common shape of a file: comma-separated, one line ending
 * throughout (`\n` or `\r\n`), fields either plain (no quote, no `\r`) or wholly quoted with
 * `""` for a quote inside. It gives the same records as csv-parse with the options the reader
 * uses (`relax_quotes`, `relax_column_count`) and throws {@link NeedsFullParser} on anything
 * else — a quote inside a plain field, text after a closing quote, a lone `\r`, mixed line
 * endings, a quote left open at the end — so the reader parses that file again with csv-parse,
 * which knows all the rules and reports errors with their line. A property test
 * (test/io/csv-tokenize.test.ts) checks the two agree.
 *
 * Why: csv-parse walks every character in JavaScript through a stream; a million-row
 * links.csv spends most of its reading time there. Here a line without quotes is one
 * `indexOf` and one `split`.
 *
 * Cells of a column with few distinct values (chain and segment ids, statuses) are shared:
 * ten million links then hold a few hundred strings, not thirty million copies, whose hashes
 * V8 computes once; and a shared cell does not keep the chunk it was cut from alive (V8 cuts
 * strings of 13 characters or more as views into their chunk).
 */

/** The file needs csv-parse: the fast tokenizer does not handle what it holds. */
export class NeedsFullParser extends Error {
  override readonly name = 'NeedsFullParser';
}

const LF = 1;
const CRLF = 2;
/** Distinct values a column may have before its cells stop being shared. */
const SHARED_LIMIT = 1024;

/**
 * Tokenizes CSV text pushed chunk by chunk; calls `onRecord` with the cells of each record.
 *
 * @example
 * const rows: string[][] = [];
 * const tokenizer = new CsvTokenizer((cells) => rows.push(cells));
 * tokenizer.push('id,name\r\ne1,"九鼎, 叶片"\r\n');
 * tokenizer.end(); // rows → [['id', 'name'], ['e1', '九鼎, 叶片']]
 */
export class CsvTokenizer {
  private pending = '';
  private ending = 0;
  private readonly shared: (Map<string, string> | null)[] = [];

  constructor(private readonly onRecord: (cells: string[]) => void) {}

  /** Tokenizes the records a chunk completes; keeps the incomplete rest for the next one. */
  push(chunk: string): void {
    let from = 0;
    if (this.pending !== '') {
      // finish the pending record with the chunk's first line(s): `pending + chunk` would be a
      // rope that V8 copies on every `indexOf` (seconds for a 1 MB chunk)
      let cut = chunk.indexOf('\n');
      for (;;) {
        if (cut === -1) {
          this.pending += from === 0 ? chunk : chunk.slice(from);
          return;
        }
        const head = this.pending + chunk.slice(from, cut + 1);
        this.pending = head.slice(this.records(head, false));
        from = cut + 1;
        if (this.pending === '') break;
        cut = chunk.indexOf('\n', from);
      }
    }
    const rest = from === 0 ? chunk : chunk.slice(from);
    this.pending = rest.slice(this.records(rest, false));
  }

  /** Tokenizes the last record (a file need not end with a line ending). */
  end(): void {
    const text = this.pending;
    this.pending = '';
    if (text !== '') this.records(text, true);
  }

  private fail(): never {
    throw new NeedsFullParser('the file needs the full CSV parser');
  }

  /** Tokenizes complete records of `text`; returns where the incomplete rest starts. */
  private records(text: string, final: boolean): number {
    let start = 0;
    while (start < text.length) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) {
        if (!final) return start;
        nl = text.length;
      }
      // quotes are looked for line by line: one search over a whole chunk that finds none can
      // cost V8 ~150 ns a character in optimised code (measured: 180 ms per 1 MB chunk)
      let line = text.slice(start, nl);
      if (line.includes('"')) {
        const next = this.quoted(text, start, final);
        if (next === -1) return start;
        start = next;
        continue;
      }
      if (nl < text.length) {
        const crlf = line.length > 0 && line.charCodeAt(line.length - 1) === 13;
        if (this.ending === 0) this.ending = crlf ? CRLF : LF;
        else if ((this.ending === CRLF) !== crlf) this.fail();
        if (crlf) line = line.slice(0, -1);
      }
      if (line.includes('\r')) this.fail();
      this.emit(line.split(','));
      start = nl + 1;
    }
    return start;
  }

  /**
   * Tokenizes one record holding a quote, from `start`. Returns the position after its line
   * ending, or -1 when the record is not complete in `text` (and more text will come).
   */
  private quoted(text: string, start: number, final: boolean): number {
    const cells: string[] = [];
    let i = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        // a quoted field: up to the quote not followed by another
        value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return final ? this.fail() : -1;
          if (q + 1 === text.length && !final) return -1;
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        // line breaks inside quotes are kept; only where the line ending is known and matches
        if (this.ending === 0 && (value.includes('\n') || value.includes('\r'))) this.fail();
        if (this.ending === LF && value.includes('\r')) this.fail();
      } else {
        // a plain field: up to the next comma or line ending
        let end = i;
        while (end < text.length) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) this.fail();
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      cells.push(value);
      if (i === text.length) {
        if (!final) return -1;
        this.emit(cells);
        return i;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      let crlf = false;
      if (c === 13) {
        if (i + 1 === text.length && !final) return -1;
        if (text.charCodeAt(i + 1) !== 10) this.fail();
        crlf = true;
      } else if (c !== 10) this.fail();
      if (this.ending === 0) this.ending = crlf ? CRLF : LF;
      else if ((this.ending === CRLF) !== crlf) this.fail();
      this.emit(cells);
      return i + (crlf ? 2 : 1);
    }
  }

  private emit(cells: string[]): void {
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell === '') continue;
      let shared = this.shared[c];
      if (shared === null) continue;
      if (shared === undefined) this.shared[c] = shared = new Map();
      const known = shared.get(cell);
      if (known !== undefined) cells[c] = known;
      else if (shared.size < SHARED_LIMIT) shared.set(cell, cell);
      else this.shared[c] = null;
    }
    this.onRecord(cells);
  }
}
