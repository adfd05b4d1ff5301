import { describe, expect, it } from 'vitest';
import {
  bindHeader,
  formatCell,
  formatCsvLine,
  normalizeHeader,
  parseCell,
  parseNumberCell,
  rowToRecord,
  tableSpec,
} from '../../src/io/csv-format.js';

describe('reading cells', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['１２００', 1200],
    ['１，２３４．５', 1234.5],
    [' -3 ', -3],
    ['\u22122.5', -2.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['', undefined],
    ['   ', undefined],
    ['12,34', '12,34'],
    ['1.2.3', '1.2.3'],
    ['88亿', '88亿'],
    ['12%', '12%'],
  ])('reads number %j as %j', (cell, value) => {
    expect(parseNumberCell(cell)).toBe(value);
  });

  it('reads percentages by the meaning of the column', () => {
    expect(parseCell('15%', 'percent')).toBe(15);
    expect(parseCell('25%', 'fraction')).toBe(0.25);
    expect(parseCell('0.25', 'fraction')).toBe(0.25);
  });

  it.each([
    ['是', true],
    ['否', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['Y', true],
    ['n', false],
    ['也许', '也许'],
  ])('reads boolean %j as %j', (cell, value) => {
    expect(parseCell(cell, 'boolean')).toBe(value);
  });

  it('writes dates with other separators as YYYY-MM-DD', () => {
    expect(['2024/5/1', '2024.05', '2024', '2024-05-01', '2024年'].map((c) => parseCell(c, 'date'))).toEqual([
      '2024-05-01',
      '2024-05',
      '2024',
      '2024-05-01',
      '2024年',
    ]);
  });

  it('splits lists on | ; ； and 、', () => {
    expect(parseCell('磷酸铁锂、三元材料| 钴酸锂 ;锰酸锂；', 'list')).toEqual(['磷酸铁锂', '三元材料', '钴酸锂', '锰酸锂']);
  });

  it('reads citations, field bases, chain roles and segment references', () => {
    expect(parseCell('s1:第3段；s2 ; s3：表2:第1行', 'citations')).toEqual([
      { source: 's1', locator: '第3段' },
      { source: 's2' },
      { source: 's3', locator: '表2:第1行' },
    ]);
    expect(parseCell('output:estimated;region:推断', 'fieldBasis')).toEqual({ output: 'estimated', region: '推断' });
    expect(parseCell('output', 'fieldBasis')).toBe('output');
    expect(parseCell('battery:链主;pv:配套', 'chainRoles')).toEqual([
      { chain: 'battery', role: '链主' },
      { chain: 'pv', role: '配套' },
    ]);
    expect(parseCell('battery/cells、pv/wafer', 'segmentRefs')).toEqual([
      { chain: 'battery', segment: 'cells' },
      { chain: 'pv', segment: 'wafer' },
    ]);
  });
});

describe('headers', () => {
  it('matches headers ignoring case, `_`, `-`, spaces and full-width letters', () => {
    expect(['ValueShare', 'value_share', ' VALUE-SHARE ', 'ｖａｌｕｅＳｈａｒｅ'].map(normalizeHeader)).toEqual([
      'valueshare',
      'valueshare',
      'valueshare',
      'valueshare',
    ]);
  });

  it('binds Chinese aliases to the column the table has, unknown headers to extra, and flags duplicates', () => {
    const bindings = bindHeader(tableSpec('links'), ['供方', 'FROM', '产品', '编号', 'id', '']);
    expect(bindings.map((b) => (b.kind === 'column' ? b.column.name : b.kind === 'extra' ? `extra:${b.key}` : b.kind))).toEqual([
      'extra:供方',
      'from',
      'product',
      'id',
      'duplicate',
      'empty',
    ]);
    expect(bindHeader(tableSpec('segments'), ['产品']).map((b) => b.kind === 'column' && b.column.name)).toEqual(['products']);
    expect(bindHeader(tableSpec('regions'), ['人口'])).toEqual([{ kind: 'unknown', header: '人口' }]);
  });

  it('reads a row through its header, with parent keys apart and cells under no header flagged', () => {
    const bindings = bindHeader(tableSpec('segments'), ['chain', 'id', 'name', 'stage', 'products']);
    expect(rowToRecord(bindings, ['battery', 'cells', ' 电芯 ', '中游', '', 'stray'])).toEqual({
      record: { id: 'cells', name: '电芯', stage: '中游' },
      keys: { chain: 'battery' },
      strays: [5],
    });
  });
});

describe('writing cells', () => {
  it('writes values as the reader reads them back', () => {
    expect(formatCell(['a', 'b'], 'list')).toBe('a|b');
    expect(formatCell([{ source: 's1', locator: '表2' }, { source: 's2' }], 'citations')).toBe('s1:表2;s2');
    expect(formatCell({ output: 'estimated' }, 'fieldBasis')).toBe('output:estimated');
    expect(formatCell(0.25, 'fraction')).toBe('0.25');
    expect(formatCell(undefined, 'text')).toBe('');
  });

  it('quotes cells only when needed', () => {
    expect(formatCsvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ' pad', '上游'])).toBe('a,"b,c","say ""hi""","two\nlines"," pad",上游');
  });
});
