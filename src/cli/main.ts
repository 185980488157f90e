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
import { createDb } from '../db/create-db.js';
import { recordAudit } from '../db/queries/audit.js';
import { cliActor } from './actor.js';

const stdio: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Groups of `--help`, in order; a command belongs to the first group whose prefix its name starts with. */
const GROUPS: readonly { title: string; prefixes: readonly string[] }[] = [
  { title: 'Bắt đầu / Getting started', prefixes: ['serve', 'db', 'demo'] },
  { title: 'Nhập, xuất tổ chức / Import and export', prefixes: ['import', 'export'] },
  { title: 'Tài khoản / Users', prefixes: ['user'] },
  { title: 'Đánh giá, xếp loại / Grading', prefixes: ['eligibility', 'grade', 'review-records', 'submissions'] },
  { title: 'Biểu thống kê / Statistical forms', prefixes: ['forms', 'verify'] },
  { title: 'Báo cáo / Report', prefixes: ['report'] },
  { title: 'An toàn dữ liệu / Audit and recovery', prefixes: ['audit', 'backup', 'restore'] },
];

/** Order inside a group: by the group's prefix order, then the registry's order. */
function grouped(): { title: string; commands: CliCommand[] }[] {
  const out = GROUPS.map((g) => ({ title: g.title, commands: [] as CliCommand[] }));
  const rest: CliCommand[] = [];
  const rank = (c: CliCommand, g: number) => GROUPS[g]!.prefixes.indexOf(c.name[0]!);
  for (const c of commands) {
    const g = GROUPS.findIndex((x) => x.prefixes.includes(c.name[0]!));
    if (g < 0) rest.push(c);
    else out[g]!.commands.push(c);
  }
  out.forEach((g, i) => g.commands.sort((a, b) => rank(a, i) - rank(b, i)));
  return [...out, { title: 'Khác / Other', commands: rest }].filter((g) => g.commands.length > 0);
}

function commandLines(list: readonly CliCommand[]): string[] {
  const width = Math.max(...list.map((c) => c.name.join(' ').length));
  return list.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`);
}

function usage(): string {
  return [
    'Cách dùng / Usage: xeploai <lệnh> [tùy chọn]',
    ...grouped().flatMap((g) => ['', `${g.title}:`, ...commandLines(g.commands)]),
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

/** Commands whose name starts with the words given (`xeploai forms` → forms check, export, import). */
function startingWith(words: readonly string[]): CliCommand[] {
  if (words.length === 0) return [];
  return commands.filter((c) => c.name.length > words.length && words.every((w, i) => c.name[i] === w));
}

/** The first line of a command's help ("Cách dùng: xeploai …"). */
function shortUsage(command: CliCommand): string {
  return command.help.split('\n').find((l) => l.trim() !== '') ?? `xeploai ${command.name.join(' ')}`;
}

/** node:util parseArgs errors in Vietnamese and English, naming the option or argument. */
function parseArgsMessage(e: TypeError & { code?: string }): string {
  const what = e.message.match(/'([^']+)'/)?.[1] ?? '';
  const option = what.split(' ')[0] ?? what;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không có: «${option}». / Unknown option "${option}".`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return e.message.includes('argument missing')
        ? `Thiếu giá trị sau «${option}». / Option "${option}" needs a value.`
        : `Tùy chọn «${option}» không nhận giá trị. / Option "${option}" takes no value.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Thừa tham số: «${what}». / Unexpected argument "${what}".`;
    default:
      return `Tham số không hợp lệ. / ${e.message}`;
  }
}

/** Runs the CLI with arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(usage());
    return argv.length === 0 ? 1 : 0;
  }
  const found = resolve(argv);
  const words = argv.filter((a) => !a.startsWith('-'));
  const partial = startingWith(words);
  // `xeploai forms`, `xeploai report template`: the words begin longer commands than any they complete.
  if (partial.length > 0 && (!found || found.command.name.length < words.length)) {
    const asked = argv.includes('--help') || argv.includes('-h');
    io.out(`Các lệnh «xeploai ${words.join(' ')}» / Commands:\n${commandLines(partial).join('\n')}\n\nThêm --help sau một lệnh để xem chi tiết. / Add --help after a command for details.`);
    return asked ? 0 : 1;
  }
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
    const code = await found.command.run(found.rest, ctx);
    if (code === 0) await logCommand(ctx, found.command, found.rest);
    return code;
  } catch (e) {
    if (isAppError(e)) {
      io.err(`Lỗi: ${e.messages.vi}\nError: ${e.messages.en}`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const name = found.command.name.join(' ');
      io.err(`Lỗi: ${parseArgsMessage(e)}\n${shortUsage(found.command)}\nXem thêm / More: xeploai ${name} --help`);
      return 1;
    }
    io.err(`Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

/** Commands that change nothing (and `serve`, whose requests log themselves): not logged. */
const READ_ONLY = new Set(['forms check', 'forms export', 'report', 'report template download', 'import template', 'user list', 'audit verify', 'audit export', 'serve', 'review-records', 'submissions']);

/** Logs a command that may have changed data (or exported personal data) with its arguments, secrets hidden. */
async function logCommand(ctx: CliContext, command: CliCommand, args: string[]): Promise<void> {
  const name = command.name.join(' ');
  const verifyOnly = name === 'verify' && !args.includes('--fix');
  if (READ_ONLY.has(name) || verifyOnly || (name === 'grade check')) return;
  const shown = args.map((a, i) => (/password/i.test(args[i - 1] ?? '') && !a.startsWith('-') ? '[ẩn / hidden]' : a));
  let config;
  try {
    config = ctx.config();
  } catch {
    return;
  }
  const db = createDb(config);
  try {
    await recordAudit(db, { actor: cliActor(ctx), action: name === 'export' || name === 'backup' ? `export cli ${name}` : `cli ${name}`, source: 'cli', newValue: { args: shown } });
  } catch {
    // A command that ran on no database (or one without the log yet) has nothing to log to.
  } finally {
    await db.destroy();
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
