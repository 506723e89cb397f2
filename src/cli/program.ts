/**
 * The command-line grammar on commander: Chinese help and Chinese one-line refusals, and no process.exit —
 * parse errors come back as a CliRefusal so `main(argv, io)` stays usable in-process (tests, batch workers).
 *
 * Adding an option is one `.option(...)` line on the command in main.ts: help, the overview and the refusal of
 * anything undeclared follow from the declaration.
 */
import { Command, CommanderError, Help, Option } from 'commander';

/** Where the program writes: one call per line, without the trailing newline. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A command line refused before any work started (unknown option, missing or extra argument…). */
export class CliRefusal extends Error {
  constructor(
    message: string,
    /** The subcommand the refusal is about (its usage is shown), or undefined for the program itself. */
    readonly command?: Command,
  ) {
    super(message);
  }
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '通用选项：',
};

/** commander's help with Chinese headings; option defaults/choices are said in the descriptions themselves. */
class ChineseHelp extends Help {
  styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }
  optionDescription(option: Option): string {
    return option.description;
  }
  /** Chinese characters take two columns in a terminal: pad by display width, not by string length. */
  displayWidth(str: string): number {
    let w = 0;
    for (const ch of str.replace(ANSI_STYLE, '')) w += WIDE.test(ch) ? 2 : 1;
    return w;
  }
  /** The usage line names every option, as the overview does. */
  commandUsage(cmd: Command): string {
    return cmd.parent ? usageLine(cmd) : 'juesuan <命令> [选项]';
  }
}

const ANSI_STYLE = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The refusal message for one commander error, in Chinese, one line. */
function translate(cmd: Command, code: string, message: string): string {
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const name = cmd.parent ? `juesuan ${cmd.name()}` : 'juesuan';
  switch (code) {
    case 'commander.unknownOption': {
      const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(message)?.[1];
      return `${name} 没有选项“${quoted}”${suggestion ? `（是不是 ${suggestion}？）` : ''}。`;
    }
    case 'commander.excessArguments': {
      const wanted = cmd.registeredArguments.map((a) => a.name());
      const extra = cmd.args.slice(wanted.length);
      return `${name} 多了参数${extra.map((a) => `“${a}”`).join('、')}：${wanted.length ? `只接受 ${wanted.length} 个（${wanted.join('、')}）` : '不接受参数'}。`;
    }
    case 'commander.missingArgument':
      return `${name} 缺少参数 ${quoted.replace(/^(?!<)(.*)$/, '<$1>')}。`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted.split(/[ ,]+/).filter((f) => f.startsWith('--')).pop() ?? quoted} 后面缺少取值。`;
    case 'commander.missingMandatoryOptionValue':
      return `${name} 必须给出选项 ${quoted}。`;
    case 'commander.unknownCommand': {
      const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(message)?.[1];
      return `未知命令“${quoted}”${suggestion ? `（是不是 ${suggestion}？）` : ''}。`;
    }
    case 'commander.invalidArgument':
      return message.replace(/^error:\s*/, '');
    default:
      return `命令行有误：${message.replace(/^error:\s*/, '')}`;
  }
}

/** A Command whose subcommands inherit the Chinese help, the quiet error output and the error translation. */
class CliCommand extends Command {
  createCommand(name?: string): Command {
    return new CliCommand(name);
  }
  createHelp(): Help {
    return Object.assign(new ChineseHelp(), this.configureHelp());
  }
  error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const code = errorOptions?.code ?? 'commander.error';
    throw new CliRefusal(translate(this, code, message), this.parent ? this : undefined);
  }
}

/** The program shell: name, Chinese --help, output to io, and no process.exit. Commands are added by the caller. */
export function createProgram(io: Io): Command {
  const strip = (s: string) => s.replace(/\n$/, '');
  const program = new CliCommand('juesuan');
  program
    .helpOption('-h, --help', '显示本命令的说明')
    .helpCommand(false)
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(strip(s)), writeErr: (s) => io.err(strip(s)), outputError: () => undefined })
    .exitOverride();
  return program;
}

/** Declare a subcommand with the settings every command shares (help option, no excess arguments, output). */
export function addCommand(program: Command, name: string, description: string): Command {
  return program.command(name).description(description).helpOption('-h, --help', '显示本命令的说明').allowExcessArguments(false);
}

/** One usage line for a command: its arguments and every option it declares (so a new option shows up by itself). */
export function usageLine(cmd: Command): string {
  const args = cmd.registeredArguments.map((a) => {
    const name = `${a.name()}${a.variadic ? '…' : ''}`;
    return a.required ? `<${name}>` : `[${name}]`;
  });
  const opts = cmd.options
    .filter((o) => o.long !== '--help')
    .map((o) => {
      const flag = o.short ?? o.long ?? o.flags;
      const value = /<([^>]+)>|\[([^\]]+)\]/.exec(o.flags);
      const shown = value ? `${flag} ${value[1] ?? value[2]}` : flag;
      return o.mandatory ? shown : `[${shown}]`;
    });
  return ['juesuan', cmd.name(), ...args, ...opts].join(' ');
}

/** The overview printed by `juesuan`, `juesuan help` and `juesuan --help`. */
export function overview(program: Command, footer: string): string {
  const lines = ['用法：'];
  for (const cmd of program.commands) {
    lines.push(`  ${usageLine(cmd)}`);
    for (const d of cmd.description().split('\n')) lines.push(`      ${d}`);
  }
  lines.push('', '每个命令的详细说明：juesuan <命令> --help', '', footer);
  return lines.join('\n');
}

export { CommanderError };
