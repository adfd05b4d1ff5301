/**
 * The command line as a function: dispatches a command, prints help and version, and turns
 * any unexpected error into a one-line message and exit code 2, never a stack trace.
 */
import { ALL_COMMAND_OPTIONS, chooseLocale, parseCliArgs } from './args.js';
import { runReport } from './report.js';
import { EXIT, firstLine, usage, usageError, type CliIo } from './usage.js';
import { runValidate } from './validate.js';
import { readVersion } from './version.js';

/** The commands, each run with its arguments (the command name removed). */
const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  validate: runValidate,
  report: runReport,
};

/**
 * Runs the command line with `argv` (without node and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: console.log, stderr: console.error, env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  // every command's options are known here, so `--chain x` is not read as a command named "x"
  const parsed = parseCliArgs(argv, ALL_COMMAND_OPTIONS);
  const locale = chooseLocale(argv, parsed, env);
  try {
    if (!parsed.ok) return usageError(io, locale, parsed.reason[locale]);
    if (parsed.options.help) {
      io.stdout(usage(locale));
      return EXIT.ok;
    }
    if (parsed.options.version) {
      io.stdout(readVersion() ?? 'unknown');
      return EXIT.ok;
    }
    const command = parsed.positionals[0];
    if (command === undefined) return usageError(io, locale, locale === 'en' ? 'no command given' : '未指定命令');
    const run = Object.hasOwn(COMMANDS, command.value) ? COMMANDS[command.value] : undefined;
    if (run === undefined) {
      const name = JSON.stringify(command.value);
      return usageError(io, locale, locale === 'en' ? `unknown command ${name}` : `未知命令 ${name}`);
    }
    return await run([...argv.slice(0, command.index), ...argv.slice(command.index + 1)], io);
  } catch (error) {
    io.stderr(`industrial-chain: ${locale === 'en' ? 'internal error' : '内部错误'}: ${firstLine(error)}`);
    return EXIT.usage;
  }
}
