/**
 * What the command line writes through, and its usage text in each locale.
 */
import type { Locale } from '../model/issues.js';

/**
 * Where a command writes. Each call writes one or more lines; the caller adds the final
 * newline. `env` is read for the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); default: none set.
 */
export interface CliIo {
  /** Writes a line (a newline is added). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes text to standard output as is, for output too large for one string; absent: `stdout` gets it whole. */
  write?: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Shows progress of a long run (replacing the previous progress line; '' clears it). Set only
   * when stderr is a terminal; absent, commands stay quiet.
   */
  progress?: (text: string) => void;
}

/** Exit codes of the command line. */
export const EXIT = {
  /** The dataset is valid, the report written (or help/version was printed). */
  ok: 0,
  /** The dataset is invalid or cannot be read, or a chain or region given is unknown. */
  invalid: 1,
  /** Bad usage, or an unexpected internal error. */
  usage: 2,
} as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: industrial-chain <command> [options]

Commands:
  validate <file-or-folder>  Check a dataset: a .json, .yaml or .yml file, or a folder of .csv
                             or .parquet files
  report <file-or-folder>    Analyse a dataset and write its report: chain maps and lists
                             (链主, 配套, 缺链, 招商), matches, cluster score, output estimate

Options:
  --locale <zh-CN|en>  Language of the messages and the report (default: zh-CN; en when LC_ALL or LANG starts with "en")
  --json               Print the result as JSON on stdout (report: same as --format json)
  -h, --help           Show this help
  -v, --version        Show the version

Options of report:
  --chain <id>         Only this chain (default: every chain of the dataset)
  --region <id>        Region analysed, with its sub-regions (default: the dataset's meta.region)
  --format <md|html|json>  Report format (default: from the --out extension, else md)
  -o, --out <file>     Write the report to a file (default: stdout)
  --runs <n>           Monte Carlo runs of the output estimates (default: 2000)
  --seed <n>           Random seed (default: 20240416); the same seed gives the same report
  --list-limit <n|all> Rows per list (leaders, supporting firms, the estimates' firms and projects);
                       longer lists keep their most important rows and say how many are left out
                       (default: 200)
  --resilience-limit <n|all>  Declared leaders per chain analysed for single points of failure,
                       the largest first (default: 10)

validate: a valid dataset prints a one-line summary (and its warnings) on stdout; an invalid or
unreadable one prints every issue as "path: message" and a count on stderr.
report: progress is shown on stderr when it is a terminal.

Exit codes: 0 valid (report written), 1 invalid or unreadable dataset or unknown chain or region,
2 bad usage or internal error`,
  'zh-CN': `用法：industrial-chain <命令> [选项]

命令：
  validate <文件或文件夹>  校验数据集：.json、.yaml、.yml 文件，或由 .csv 或 .parquet 文件组成的文件夹
  report <文件或文件夹>    分析数据集并输出报告：产业链图谱与清单（链主、配套、缺链、招商）、
                           供需对接、集群评分、产值测算

选项：
  --locale <zh-CN|en>  消息与报告的语言（默认 zh-CN；LC_ALL 或 LANG 以 "en" 开头时为 en）
  --json               在标准输出以 JSON 输出结果（report 中等同 --format json）
  -h, --help           显示本帮助
  -v, --version        显示版本号

report 的选项：
  --chain <id>         只分析该产业链（默认：数据集中全部产业链）
  --region <id>        分析的区域，含下辖区域（默认：数据集的 meta.region）
  --format <md|html|json>  报告格式（默认：按 --out 的扩展名，否则 md）
  -o, --out <文件>     将报告写入文件（默认：标准输出）
  --runs <n>           产值测算的蒙特卡洛模拟次数（默认 2000）
  --seed <n>           随机种子（默认 20240416）；同一种子生成相同的报告
  --list-limit <n|all> 每个清单最多列出的行数（链主、配套企业、产值测算的企业与项目）；超出时保留
                       最重要的行并注明未列出的数量（默认 200）
  --resilience-limit <n|all>  每条产业链分析单点失效的已声明链主数，按产值从大到小（默认 10）

validate：数据集有效时，在标准输出打印一行摘要（及警告）；无效或无法读取时，在标准错误逐条
打印“路径: 说明”及问题数量。
report：标准错误为终端时显示进度。

退出码：0 有效（报告已输出）；1 数据集无效或无法读取，或产业链、区域不存在；2 用法错误或内部错误`,
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
