/**
 * Guards around validation, for input nobody vouches for. Before the schemas see the input, one
 * iterative walk (no recursion, so no stack to overflow) finds what zod cannot take or would
 * take silently: values nested too deep, cycles, values that throw when read (getters,
 * proxies), keys that would touch a prototype, and strings with lone surrogates. After the
 * schemas, {@link checkValues} finds values that pass their type but that no analysis can use.
 */
import { createIssue, type DatasetIssue, type Locale } from './issues.js';
import type { Dataset } from './schema.js';

/** Deepest nesting a dataset may have: its records are a few levels deep, `extra` one more. */
export const MAX_DEPTH = 32;

/**
 * The largest amount in 亿元 (100 million CNY) a record may hold: 1e7 亿元 is 1000 万亿元, several
 * times China's yearly GDP, so a larger output, investment or supply value is a unit error (元
 * or 万元 typed as 亿元). Sums over millions of records stay far from overflowing.
 */
export const MAX_AMOUNT_YI = 1e7;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first lone surrogate of a string, as hex, or undefined when the string is well formed. */
function loneSurrogate(text: string): string | undefined {
  // String#isWellFormed (Node 20) is native; the lib target of this package does not declare it
  if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return c.toString(16).toUpperCase();
    }
    if (c >= 0xdc00 && c <= 0xdfff) return c.toString(16).toUpperCase();
  }
  return undefined;
}

type Path = (string | number)[];

/** What the walk found: issues, and whether validation can go on (`fatal` when it cannot). */
export interface GuardResult {
  issues: DatasetIssue[];
  fatal: boolean;
}

/**
 * Walks any input value once, iteratively, and reports what validation must not meet: depth
 * beyond {@link MAX_DEPTH}, cycles (found where they pass that depth), values that throw when read (these three are fatal: the
 * schemas would overflow the stack, loop or throw), and, as errors, reserved keys and lone
 * surrogates in keys or strings. Never throws.
 *
 * @example
 * guardInput({ meta: { name: 'a\uD800' } }, 'en').issues[0].code // → 'lone_surrogate'
 */
export function guardInput(input: unknown, locale: Locale): GuardResult {
  const issues: DatasetIssue[] = [];
  let fatal = false;
  // a frame per object to walk; its path is built only for an issue (a million links)
  interface Frame {
    value: object;
    parent: Frame | undefined;
    key: string | number;
    depth: number;
  }
  const pathOf = (frame: Frame | undefined, ...tail: (string | number)[]): Path => {
    const path: Path = [...tail];
    for (let f = frame; f?.parent !== undefined; f = f.parent) path.unshift(f.key);
    return path;
  };
  const add = (code: DatasetIssue['code'], path: Path, params: Record<string, unknown>) => issues.push(createIssue(code, path, params, locale));
  const checkString = (text: string, frame: Frame | undefined, key?: string | number) => {
    const bad = loneSurrogate(text);
    if (bad !== undefined) add('lone_surrogate', key === undefined ? pathOf(frame) : pathOf(frame, key), { received: text, codeUnit: bad });
  };
  if (typeof input === 'string') checkString(input, undefined);
  if (input === null || typeof input !== 'object') return { issues, fatal };
  const stack: Frame[] = [{ value: input, parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (depth >= MAX_DEPTH) {
      // a cycle nests without end, so it gets here too: tell the two apart only now, rarely
      let cyclic = false;
      for (let f = frame.parent; f !== undefined && !cyclic; f = f.parent) cyclic = f.value === value;
      add(cyclic ? 'cyclic_value' : 'too_deep', pathOf(frame), cyclic ? {} : { maximum: MAX_DEPTH });
      fatal = true;
      continue;
    }
    try {
      if (Array.isArray(value)) {
        for (let k = value.length - 1; k >= 0; k--) {
          const item: unknown = value[k];
          if (typeof item === 'string') checkString(item, frame, k);
          else if (item !== null && typeof item === 'object') stack.push({ value: item, parent: frame, key: k, depth: depth + 1 });
        }
        continue;
      }
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k]!;
        if (RESERVED_KEYS.has(key)) add('reserved_key', pathOf(frame, key), { key });
        checkString(key, frame, key);
        const item: unknown = (value as Record<string, unknown>)[key];
        if (typeof item === 'string') checkString(item, frame, key);
        else if (item !== null && typeof item === 'object') stack.push({ value: item, parent: frame, key, depth: depth + 1 });
      }
    } catch (error) {
      add('unreadable_value', pathOf(frame), { detail: error instanceof Error ? error.message.slice(0, 200) : 'it throws when read' });
      fatal = true;
    }
  }
  return { issues, fatal };
}

type Named = { name: string };

/**
 * Checks values that pass their type but that the analyses cannot use, and normalises `-0` to
 * 0 in the parsed data (which the parser made, so this mutates nothing of the caller's):
 * amounts in 亿元 beyond {@link MAX_AMOUNT_YI}, names that are empty after trimming, and a
 * project's `fullCapacityYear` before its `startYear` when `productionYear` is absent (with it,
 * the reference check compares the two with `productionYear`).
 *
 * @example
 * checkValues(dataset, 'en') // → [] for a sane dataset
 */
export function checkValues(data: Dataset, locale: Locale): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const blank = (records: readonly Named[], path: Path) =>
    records.forEach((record, i) => {
      if (record.name.trim() === '') issues.push(createIssue('blank_name', [...path, i, 'name'], { received: record.name }, locale));
    });
  const amount = (record: Record<string, unknown>, key: string, path: Path) => {
    const value = record[key];
    if (typeof value !== 'number') return;
    if (Object.is(value, -0)) record[key] = 0;
    else if (Math.abs(value) > MAX_AMOUNT_YI) issues.push(createIssue('implausible_amount', [...path, key], { received: value, maximum: MAX_AMOUNT_YI }, locale));
  };
  blank(data.regions, ['regions']);
  blank(data.templates, ['templates']);
  data.templates.forEach((t, i) => blank(t.segments, ['templates', i, 'segments']));
  blank(data.chains, ['chains']);
  data.chains.forEach((c, i) => blank(c.segments ?? [], ['chains', i, 'segments']));
  blank(data.enterprises, ['enterprises']);
  blank(data.projects, ['projects']);
  data.enterprises.forEach((e, i) => amount(e as unknown as Record<string, unknown>, 'output', ['enterprises', i]));
  const links = data.links;
  for (let k = 0; k < links.length; k++) {
    const value = links[k]!.value;
    // the common case first: a million links, most with a small value or none
    if (value === undefined || (value > 0 && value <= MAX_AMOUNT_YI)) continue;
    amount(links[k] as unknown as Record<string, unknown>, 'value', ['links', k]);
  }
  data.projects.forEach((p, i) => {
    amount(p as unknown as Record<string, unknown>, 'investment', ['projects', i]);
    amount(p as unknown as Record<string, unknown>, 'output', ['projects', i]);
    if (p.productionYear === undefined && p.startYear !== undefined && p.fullCapacityYear !== undefined && p.fullCapacityYear < p.startYear)
      issues.push(
        createIssue('production_before_start', ['projects', i, 'fullCapacityYear'], { field: 'fullCapacityYear', year: p.fullCapacityYear, before: 'startYear', beforeYear: p.startYear }, locale),
      );
  });
  return issues;
}
