/**
 * The `xeploai` command line. Each command lives in its own file under commands/ and calls the
 * same functions as the server. Errors print their Vietnamese and English message and exit 1.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { isAppError } from '../domain/errors.js';
import type { CliCommand, CliContext, CliIo } from './command.js';
import { commands } from './commands/index.js';

const stdio: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.join(' ').length));
  return [
    'Cách dùng / Usage: xeploai <lệnh> [tùy chọn]',
    '',
    'Lệnh / Commands:',
    ...commands.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Thêm --help sau một lệnh để xem chi tiết. / Add --help after a command for details.',
  ].join('\n');
}

/** Finds the command whose name is the longest prefix of argv. */
function resolve(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.name.length - a.name.length);
  for (const command of sorted) {
    if (command.name.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(command.name.length) };
  }
  return undefined;
}

/** Runs the CLI with arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(usage());
    return argv.length === 0 ? 1 : 0;
  }
  const found = resolve(argv);
  if (!found) {
    io.err(`Lệnh không tồn tại: «${argv.join(' ')}». / Unknown command.\n\n${usage()}`);
    return 1;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.out(found.command.help);
    return 0;
  }
  const ctx: CliContext = { io, env, config: (overrides) => loadConfig(env, overrides) };
  try {
    return await found.command.run(found.rest, ctx);
  } catch (e) {
    if (isAppError(e)) {
      io.err(`Lỗi: ${e.messages.vi}\nError: ${e.messages.en}`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`Lỗi tham số: ${e.message}\n\n${found.command.help}`);
      return 1;
    }
    io.err(`Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
