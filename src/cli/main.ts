/**
 * Entry of the `industrial-chain` executable (built to dist/cli.js): wires {@link runCli} to the
 * process. Output goes through process.stdout/stderr and the exit code through
 * `process.exitCode`, so piped output is flushed before the process ends.
 */
import { runCli } from './run.js';
import { firstLine } from './usage.js';

function fail(error: unknown): void {
  process.stderr.write(`industrial-chain: internal error: ${firstLine(error)}\n`);
  process.exit(2);
}

// a closed pipe (`industrial-chain validate x | head -1`) is not an error of ours
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else fail(error);
});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  write: (text) => void process.stdout.write(text),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  // progress of long runs only on a terminal, redrawn in place
  ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(`\r\x1b[2K${text}`) } : {}),
}).then((code) => {
  process.exitCode = code;
}, fail);
