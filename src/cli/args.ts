/**
 * Parsing the command line with `node:util` parseArgs. Options may stand anywhere, before or
 * after the command; a parse failure is returned with its reason in both locales.
 */
import { parseArgs } from 'node:util';
import type { Locale } from '../model/issues.js';
import { isLocale, localeFromEnv } from './locale.js';

/** The options of the command line. */
export interface CliOptions {
  locale?: Locale;
  json: boolean;
  help: boolean;
  version: boolean;
}

/** Parsed arguments: options, and positionals (the command first) with their indices in argv. */
export interface ParsedArgs {
  ok: true;
  options: CliOptions;
  positionals: { value: string; index: number }[];
  /** Values of the command's own string options (see {@link REPORT_OPTIONS}), by name; absent when not given. */
  values: Record<string, string | undefined>;
}

/** A parse failure, with the reason in each locale. */
export interface ArgsError {
  ok: false;
  reason: Record<Locale, string>;
}

const OPTIONS = {
  locale: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** A command's own options: each takes a string value. */
export type CommandOptions = Readonly<Record<string, { type: 'string'; short?: string }>>;

/** The options of `report`, besides the common ones. */
export const REPORT_OPTIONS = {
  chain: { type: 'string' },
  region: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  'list-limit': { type: 'string' },
  'resilience-limit': { type: 'string' },
} as const satisfies CommandOptions;

/** Every command's own options: the command line is parsed with all of them before dispatching, so a value is never taken for a command or a path. */
export const ALL_COMMAND_OPTIONS: CommandOptions = { ...REPORT_OPTIONS };

function quoted(message: string): string {
  return /'([^']+)'/u.exec(message)?.[1]?.replace(/ <value>$/u, '') ?? '';
}

const NEGATIVE_NUMBER = /^-\d/u;

/**
 * `--seed -5` as `--seed=-5`: parseArgs takes a value starting with `-` for an option of its
 * own and says the option "needs a value"; a negative number after an option that takes a value
 * is that value. Returns the arguments and, for each, its index in `args`.
 */
function joinNegativeValues(args: readonly string[], options: CommandOptions): { args: string[]; origin: number[] } {
  const takesValue = new Set<string>(['--locale']);
  for (const [name, spec] of Object.entries(options)) {
    takesValue.add(`--${name}`);
    if (spec.short !== undefined) takesValue.add(`-${spec.short}`);
  }
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    origin.push(i);
    if (takesValue.has(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else out.push(arg);
  }
  return { args: out, origin };
}

/**
 * Parses command-line arguments (without node and the script): the common options and, given,
 * a command's own (string-valued) options. A negative number after an option that takes a
 * value is that value (`--seed -5`).
 */
export function parseCliArgs(args: readonly string[], commandOptions: CommandOptions = {}): ParsedArgs | ArgsError {
  let parsed;
  const joined = joinNegativeValues(args, commandOptions);
  try {
    parsed = parseArgs({ args: joined.args, options: { ...commandOptions, ...OPTIONS }, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const option = quoted(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return { ok: false, reason: { en: `unknown option ${option}`, 'zh-CN': `未知选项 ${option}` } };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/u.test(message))
      return { ok: false, reason: { en: `option ${option} takes no value`, 'zh-CN': `选项 ${option} 不接受取值` } };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      return { ok: false, reason: { en: `option ${option} needs a value`, 'zh-CN': `选项 ${option} 缺少取值` } };
    return { ok: false, reason: { en: message, 'zh-CN': message } };
  }
  const { values: allValues, tokens } = parsed;
  const values = allValues as { locale?: string; json?: boolean; help?: boolean; version?: boolean } & Record<string, string | boolean | undefined>;
  if (values.locale !== undefined && !isLocale(values.locale)) {
    const given = JSON.stringify(values.locale);
    return {
      ok: false,
      reason: { en: `unknown locale ${given} (use zh-CN or en)`, 'zh-CN': `未知语言 ${given}（可选 zh-CN 或 en）` },
    };
  }
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [{ value: t.value, index: joined.origin[t.index]! }] : []));
  const options: CliOptions = { json: values.json ?? false, help: values.help ?? false, version: values.version ?? false };
  if (values.locale !== undefined) options.locale = values.locale as Locale;
  const own: Record<string, string | undefined> = {};
  for (const name of Object.keys(commandOptions)) {
    const value = values[name];
    if (typeof value === 'string') own[name] = value;
  }
  return { ok: true, options, positionals, values: own };
}

/**
 * The locale to report in: `--locale` when it parsed, else the environment's. Used also when the
 * arguments did not parse, so a usage error honours a well-formed `--locale` given with it.
 */
export function chooseLocale(
  args: readonly string[],
  parsed: ParsedArgs | ArgsError,
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  if (parsed.ok) return parsed.options.locale ?? localeFromEnv(env);
  for (const [i, arg] of args.entries()) {
    const value = arg.startsWith('--locale=') ? arg.slice('--locale='.length) : arg === '--locale' ? args[i + 1] : undefined;
    if (value !== undefined && isLocale(value)) return value;
  }
  return localeFromEnv(env);
}
