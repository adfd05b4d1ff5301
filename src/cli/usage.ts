/**
 * What the command line writes through, and its usage text in each locale.
 */
import type { Locale } from '../model/issues.js';

/**
 * Where a command writes. Each call writes one or more lines; the caller adds the final
 * newline. `env` is read for the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); default: none set.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes of the command line. */
export const EXIT = {
  /** The dataset is valid (or help/version was printed). */
  ok: 0,
  /** The dataset is invalid or cannot be read. */
  invalid: 1,
  /** Bad usage, or an unexpected internal error. */
  usage: 2,
} as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: industrial-chain <command> [options]

Commands:
  validate <file-or-folder>  Check a dataset: a .json, .yaml or .yml file, or a folder of .csv files

Options:
  --locale <zh-CN|en>  Language of the messages (default: zh-CN; en when LC_ALL or LANG starts with "en")
  --json               Print the result as JSON on stdout
  -h, --help           Show this help
  -v, --version        Show the version

A valid dataset prints a one-line summary (and its warnings) on stdout; an invalid or unreadable
one prints every issue as "path: message" and a count on stderr.

Exit codes: 0 valid, 1 invalid or unreadable dataset, 2 bad usage or internal error`,
  'zh-CN': `用法：industrial-chain <命令> [选项]

命令：
  validate <文件或文件夹>  校验数据集：.json、.yaml、.yml 文件，或由 .csv 文件组成的文件夹

选项：
  --locale <zh-CN|en>  消息语言（默认 zh-CN；LC_ALL 或 LANG 以 "en" 开头时为 en）
  --json               在标准输出以 JSON 输出结果
  -h, --help           显示本帮助
  -v, --version        显示版本号

数据集有效时，在标准输出打印一行摘要（及警告）；无效或无法读取时，在标准错误逐条打印
“路径: 说明”及问题数量。

退出码：0 有效；1 数据集无效或无法读取；2 用法错误或内部错误`,
};

/** The usage text in a locale. */
export function usage(locale: Locale): string {
  return USAGE[locale];
}

/** Reports bad usage: the reason, then the usage text, on stderr. Returns exit code 2. */
export function usageError(io: CliIo, locale: Locale, reason: string): number {
  io.stderr(`industrial-chain: ${reason}\n\n${usage(locale)}`);
  return EXIT.usage;
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/u)[0] ?? '';
}
