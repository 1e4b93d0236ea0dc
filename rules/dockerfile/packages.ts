import type { Arg, Env } from 'dockerfile-ast';
import type { Fix, Range, Report, RuleContext, TextEdit } from '../types';
import type { DockerfileModel, Stage } from './model';
import { onbuildRuns, runsWithTriggers } from './onbuild';
import { wordRange, type RunInstruction } from './runs';
import { unwrapCommand, type ShellCommand, type ShellScript, type ShellWord } from './shell';

// Package-manager invocations in RUN: which tool a command runs (apt-get, apk, yum, dnf, pip,
// npm, ...), its subcommand, its flags (with the values of flags that take one) and its
// package arguments, every word keeping its position so rules can underline `install` or a
// single package and fixes can insert a flag next to it.
//
// The analysis of a script is cached on the script object, and scripts are cached by their
// text (see runs.ts): typing elsewhere in the file never re-parses an unchanged RUN.

export type Manager =
  | 'apt-get'
  | 'apt'
  | 'apk'
  | 'yum'
  | 'dnf'
  | 'microdnf'
  | 'zypper'
  | 'pip'
  | 'npm'
  | 'yarn'
  | 'gem'
  | 'go'
  | 'rpm';

export interface PkgFlag {
  /** The word the flag is written in (a cluster `-qy` yields one flag per letter). */
  word: ShellWord;
  /** Name without dashes: `y`, `no-install-recommends`. */
  name: string;
  long: boolean;
  /** `--x=v`, `-xv` or the next word for flags that take a value. */
  value?: string;
  /** The separate word holding the value, when it is one. */
  valueWord?: ShellWord;
}

export interface PkgCommand {
  /** Index of the command in `script.commands`. */
  index: number;
  /** The command as written, wrappers (`sudo`, `env`) included. */
  command: ShellCommand;
  manager: Manager;
  /** The word naming the tool (`apt-get`; `python3` for `python3 -m pip`). */
  program: ShellWord;
  flags: PkgFlag[];
  /** The first positional word (`install`), when there is one. */
  sub?: ShellWord;
  /** The subcommand, lower-cased with aliases resolved (`in` → `install`); `install` for a bare `yarn`. */
  subName?: string;
  /** Positional words after the subcommand (packages, for an install). */
  args: ShellWord[];
  /** `NAME=value` set for this command (prefix assignments and `env` wrappers). */
  env: Record<string, string>;
}

/** Flags that take a value in the next word (when not written `--x=v` / `-xv`), by manager. */
const VALUE_FLAGS: Record<Manager, ReadonlySet<string>> = {
  'apt-get': set('o option c config-file t target-release default-release a host-architecture P build-profiles'),
  apt: set('o option c config-file t target-release default-release a host-architecture P build-profiles'),
  apk: set('t virtual X repository p root arch cache-dir keys-dir repositories-file cache-max-age timeout'),
  yum: set(
    'c config installroot releasever enablerepo disablerepo repo repoid x exclude setopt downloaddir destdir d debuglevel e errorlevel rpmverbosity forcearch disableplugin enableplugin comment advisory advisories cve bz color',
  ),
  dnf: set(
    'c config installroot releasever enablerepo disablerepo repo repoid x exclude setopt downloaddir destdir d debuglevel e errorlevel rpmverbosity forcearch disableplugin enableplugin comment advisory advisories cve bz color',
  ),
  microdnf: set('config installroot releasever enablerepo disablerepo setopt best nodocs platform-id'),
  zypper: set('c config R root D reposd-dir C cache-dir raw-cache-dir solv-cache-dir pkg-cache-dir t type r repo from userdata'),
  pip: set(
    'abi b build e editable extra-index-url f find-links i index-url implementation no-binary only-binary platform prefix progress-bar proxy python-version root src t target trusted-host upgrade-strategy r requirement c constraint cert client-cert log cache-dir timeout retries exists-action global-option C config-settings report',
  ),
  npm: set('only prefix w workspace registry cache userconfig globalconfig loglevel omit include install-strategy tag save-prefix C'),
  yarn: set('cwd modules-folder cache-folder network-timeout mutex registry global-folder link-folder network-concurrency use-yarnrc'),
  gem: set('v version i install-dir n bindir platform s source P trust-policy g file build-root'),
  go: set('ldflags gcflags asmflags tags mod modfile p pkgdir toolexec buildmode compiler gccgoflags installsuffix overlay pgo C o'),
  rpm: set('root dbpath define D relocate excludepath prefix'),
};

function set(names: string): ReadonlySet<string> {
  return new Set(names.split(' '));
}

const SUB_ALIASES: Partial<Record<Manager, Record<string, string>>> = {
  yum: { in: 'install', rm: 'remove', erase: 'remove', update: 'upgrade', up: 'upgrade', localinstall: 'install', mc: 'makecache' },
  dnf: { in: 'install', rm: 'remove', erase: 'remove', update: 'upgrade', up: 'upgrade', localinstall: 'install', mc: 'makecache' },
  microdnf: { update: 'upgrade' },
  zypper: { in: 'install', rm: 'remove', up: 'update', dup: 'dist-upgrade', ref: 'refresh', cc: 'clean', si: 'source-install' },
  npm: {
    i: 'install',
    in: 'install',
    ins: 'install',
    inst: 'install',
    insta: 'install',
    instal: 'install',
    isnt: 'install',
    isnta: 'install',
    isntal: 'install',
    isntall: 'install',
    add: 'install',
    'clean-install': 'ci',
    ic: 'ci',
    'install-clean': 'ci',
    'isntall-clean': 'ci',
  },
  gem: { i: 'install' },
};

const cache = new WeakMap<ShellScript, PkgCommand[]>();

/** The package-manager commands of a RUN's script, in order. */
export function packageCommands(script: ShellScript): PkgCommand[] {
  let found = cache.get(script);
  if (!found) {
    found = [];
    for (let i = 0; i < script.commands.length; i++) {
      const parsed = parsePackageCommand(script.commands[i], i);
      if (parsed) found.push(parsed);
    }
    cache.set(script, found);
  }
  return found;
}

function managerOf(name: string): Manager | undefined {
  switch (name) {
    case 'apt-get':
    case 'apt':
    case 'apk':
    case 'yum':
    case 'microdnf':
    case 'zypper':
    case 'npm':
    case 'yarn':
    case 'gem':
    case 'go':
    case 'rpm':
      return name;
    case 'dnf':
    case 'dnf5':
    case 'dnf-3':
      return 'dnf';
    default:
      return /^pip(\d+(\.\d+)?)?$/.test(name) ? 'pip' : undefined;
  }
}

function basename(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

/** Parses one command when it runs a package manager; undefined otherwise. */
export function parsePackageCommand(command: ShellCommand, index: number): PkgCommand | undefined {
  const first = command.words[0]?.value;
  if (first === undefined) return undefined;
  const words = commandWords(command);
  if (!words.length) return undefined;
  const name = basename(words[0].value);
  let manager = managerOf(name);
  let rest = 1;
  if (!manager && /^python(\d+(\.\d+)?)?$/.test(name)) {
    // python3 -m pip install …
    const m = words.findIndex((w, i) => i > 0 && w.value === '-m');
    if (m > 0 && words.slice(1, m).every((w) => w.value.startsWith('-')) && /^pip\d*$/.test(words[m + 1]?.value ?? '')) {
      manager = 'pip';
      rest = m + 2;
    }
  }
  if (!manager) return undefined;

  const valueFlags = VALUE_FLAGS[manager];
  const flags: PkgFlag[] = [];
  const positionals: ShellWord[] = [];
  let endOfFlags = false;
  for (let i = rest; i < words.length; i++) {
    const word = words[i];
    const v = word.value;
    if (endOfFlags || !v.startsWith('-') || v === '-') {
      positionals.push(word);
      continue;
    }
    if (v === '--') {
      // `gem install x -- --with-opt`: what follows goes to the gem's native build, not gem.
      if (manager === 'gem') break;
      endOfFlags = true;
      continue;
    }
    if (v.startsWith('--') || manager === 'go') {
      // Long flag (go spells every flag with one dash).
      const body = v.replace(/^--?/, '');
      const eq = body.indexOf('=');
      const flagName = eq >= 0 ? body.slice(0, eq) : body;
      const flag: PkgFlag = { word, name: flagName, long: true };
      if (eq >= 0) flag.value = body.slice(eq + 1);
      else if (valueFlags.has(flagName) && i + 1 < words.length) {
        flag.valueWord = words[++i];
        flag.value = flag.valueWord.value;
      }
      flags.push(flag);
      continue;
    }
    const withValue = /^-([A-Za-z0-9])=(.*)$/s.exec(v);
    if (withValue) {
      flags.push({ word, name: withValue[1], long: false, value: withValue[2] });
      continue;
    }
    // Short flags, possibly clustered (`-qy`); a value flag takes the rest of the word or the next one.
    const letters = v.slice(1);
    for (let k = 0; k < letters.length; k++) {
      const letter = letters[k];
      const flag: PkgFlag = { word, name: letter, long: false };
      flags.push(flag);
      if (valueFlags.has(letter)) {
        const attached = letters.slice(k + 1).replace(/^=/, '');
        if (attached) flag.value = attached;
        else if (i + 1 < words.length) {
          flag.valueWord = words[++i];
          flag.value = flag.valueWord.value;
        }
        break;
      }
    }
  }

  let sub = positionals[0];
  let subName = sub?.value.toLowerCase();
  let args = positionals.slice(1);
  if (manager === 'yarn') {
    if (subName === 'global') {
      sub = positionals[1] ?? sub;
      subName = positionals[1]?.value.toLowerCase();
      args = positionals.slice(2);
    }
    if (subName === undefined) subName = 'install';
  } else if ((manager === 'dnf' || manager === 'yum') && subName === 'group' && positionals[1]?.value === 'install') {
    subName = 'groupinstall';
    sub = positionals[1];
    args = positionals.slice(2);
  }
  if (subName !== undefined) subName = SUB_ALIASES[manager]?.[subName] ?? subName;

  const env: Record<string, string> = {};
  for (const word of command.assignments) addAssignment(env, word.value);
  for (const word of command.words.slice(0, command.words.length - words.length)) addAssignment(env, word.value);

  return { index, command, manager, program: words[0], flags, sub, subName, args, env };
}

/**
 * The command's words with shell keywords, wrappers (`sudo`, `env`, ...) and the `NAME=value`
 * arguments `sudo` and `env` accept peeled off.
 */
function commandWords(command: ShellCommand): ShellWord[] {
  let current = unwrapCommand(stripKeywords(command));
  for (let guard = 0; guard < 4; guard++) {
    let k = 0;
    while (k < current.words.length - 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(current.words[k].value)) k++;
    if (!k) break;
    current = unwrapCommand({ ...current, words: current.words.slice(k) });
  }
  return current.words;
}

/** Shell keywords the lexer leaves in front of a command: `then apt-get …`, `do pip …`, `! grep …`. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);

function stripKeywords(command: ShellCommand): ShellCommand {
  let k = 0;
  while (k < command.words.length - 1 && KEYWORDS.has(command.words[k].value)) k++;
  return k ? { ...command, words: command.words.slice(k) } : command;
}

function addAssignment(env: Record<string, string>, text: string): void {
  const eq = text.indexOf('=');
  if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text.slice(0, eq))) env[text.slice(0, eq)] = text.slice(eq + 1);
}

/** The first flag named one of `names` (`'y'` matches `-y` and the `y` in `-qy`). */
export function findFlag(cmd: PkgCommand, ...names: string[]): PkgFlag | undefined {
  return cmd.flags.find((flag) => names.includes(flag.name));
}

export function hasFlag(cmd: PkgCommand, ...names: string[]): boolean {
  return findFlag(cmd, ...names) !== undefined;
}

/** Whether the command passes options through a variable (`$APT_OPTS`, `${PIP_FLAGS}`) that may hold the flag. */
export function mayHideFlags(cmd: PkgCommand): boolean {
  return cmd.args.some((w) => isDynamic(w) && /OPT|FLAG|ARG/i.test(w.value));
}

/** Whether a word's value may expand to something we cannot see (`$PKGS`, `$(cat list)`). */
export function isDynamic(word: ShellWord): boolean {
  return /[$`]/.test(word.value);
}

// ---------------------------------------------------------------------------------------------
// Stages and mounts

export interface RunInStage {
  run: RunInstruction;
  stage: Stage;
}

/**
 * Every RUN with its stage. `shippedOnly` keeps the stages whose filesystem ends up in the
 * image: the final stage and the stages it is built `FROM`, transitively.
 */
export function stageRuns(model: DockerfileModel, shippedOnly = false): RunInStage[] {
  const out: RunInStage[] = [];
  const stages = shippedOnly ? shippedStages(model) : model.stages;
  const triggers = onbuildRuns(model);
  for (const stage of stages) {
    for (const run of stage.runs) out.push({ run, stage });
    // ONBUILD RUN triggers build layers of child images, with the same cache concerns.
    for (const trigger of triggers) if (trigger.stage === stage) out.push({ run: trigger.run, stage });
  }
  if (triggers.length) out.sort((a, b) => a.run.base - b.run.base);
  return out;
}

export function shippedStages(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = model.finalStage; s && !chain.includes(s); s = s.base.stage) chain.unshift(s);
  return chain;
}

function normalizePath(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

/** Whether a `--mount=type=cache` or `type=tmpfs` of this RUN covers one of `paths`. */
export function hasCacheMount(run: RunInstruction, paths: readonly string[], match?: (target: string) => boolean): boolean {
  for (const mount of run.mounts) {
    if ((mount.type !== 'cache' && mount.type !== 'tmpfs') || !mount.target) continue;
    const target = normalizePath(mount.target);
    if (match?.(target)) return true;
    for (const path of paths) {
      const p = normalizePath(path);
      if (p === target || p.startsWith(target === '/' ? '/' : target + '/')) return true;
    }
  }
  return false;
}

/**
 * Whether deleting `value` (globs at the end allowed) deletes something at or below one of
 * `roots`: the root itself, a path inside it, or a folder containing it.
 */
export function pathUnder(value: string, roots: readonly string[]): boolean {
  const path = normalizePath(value.replace(/\/?\*+$/, ''));
  if (path === '/' || !path.startsWith('/')) return false;
  return roots.some((root) => path === root || path.startsWith(root + '/') || path.startsWith(root + '*') || root.startsWith(path + '/'));
}

// ---------------------------------------------------------------------------------------------
// ENV and ARG values in effect

/**
 * The value of `name` set by ENV or ARG before `run` in its stage or the stages it builds on
 * (later settings win). Undefined when never set.
 */
export function envValueBefore(stage: Stage, run: RunInstruction, name: string): string | undefined {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.base.stage) chain.unshift(s);
  let value: string | undefined;
  for (const s of chain) {
    for (const instruction of s.instructions) {
      if (instruction === run.instruction) return value;
      const keyword = instruction.getKeyword();
      if (keyword === 'ENV') {
        for (const property of (instruction as Env).getProperties()) {
          if (property.getName() === name) value = property.getValue() ?? '';
        }
      } else if (keyword === 'ARG') {
        const property = (instruction as Arg).getProperty();
        if (property?.getName() === name && property.getValue() !== null) value = property.getValue() ?? '';
      }
    }
  }
  return value;
}

const TRUTHY = new Set(['1', 'true', 'on', 'yes']);

export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(value.trim().toLowerCase());
}

/**
 * Whether `name` is exported with a truthy value earlier in the same script (`export X=1 &&`)
 * or on the command itself (`X=1 pip install`, `env X=1 pip install`).
 */
export function scriptSetsTruthy(script: ShellScript, cmd: PkgCommand, name: string): boolean {
  if (isTruthy(cmd.env[name])) return true;
  for (let i = 0; i < cmd.index; i++) {
    const c = script.commands[i];
    const words = c.words;
    if (words[0]?.value === 'export' || words[0]?.value === 'declare') {
      for (const w of words.slice(1)) if (w.value.startsWith(`${name}=`) && isTruthy(w.value.slice(name.length + 1))) return true;
    } else if (!words.length) {
      for (const w of c.assignments) if (w.value.startsWith(`${name}=`) && isTruthy(w.value.slice(name.length + 1))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Ranges and edits

export function range(model: DockerfileModel, run: RunInstruction, from: ShellWord, to: ShellWord = from): Range {
  return wordRange(run, model.lines, from, to);
}

function at(model: DockerfileModel, offset: number): Range {
  const p = model.lines.positionAt(offset);
  return { start: p, end: p };
}

/** Inserts `flag` right after `word` (`, "flag"` in exec form). */
export function insertAfter(model: DockerfileModel, run: RunInstruction, word: ShellWord, flag: string): TextEdit {
  return { range: at(model, run.base + word.end), newText: run.execForm ? `, ${JSON.stringify(flag)}` : ` ${flag}` };
}

/** Inserts `flag` right before `word` (`"flag", ` in exec form). */
export function insertBefore(model: DockerfileModel, run: RunInstruction, word: ShellWord, flag: string): TextEdit {
  return { range: at(model, run.base + word.start), newText: run.execForm ? `${JSON.stringify(flag)}, ` : `${flag} ` };
}

/** Replaces a word's value, keeping its quotes; undefined when the word is not written plainly. */
export function replaceWord(model: DockerfileModel, run: RunInstruction, word: ShellWord, value: string): TextEdit | undefined {
  const raw = model.text.slice(run.base + word.start, run.base + word.end);
  if (raw === word.value) return { range: range(model, run, word), newText: value };
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw[raw.length - 1] === quote && raw.slice(1, -1) === word.value) {
    return { range: model.lines.rangeOf(run.base + word.start + 1, run.base + word.end - 1), newText: value };
  }
  return undefined;
}

/**
 * Deletes the words `from`…`to` (one flag, or a flag and its value) with one adjacent blank,
 * or their whole line when they stand alone on a continued line. In exec form, the JSON
 * string and its comma go.
 */
export function deleteWords(model: DockerfileModel, run: RunInstruction, words: ShellWord[], from: ShellWord, to: ShellWord = from): TextEdit {
  const text = model.text;
  let start = run.base + from.start;
  let end = run.base + to.end;
  const fromIndex = words.indexOf(from);
  const toIndex = words.indexOf(to);
  if (run.execForm) {
    const next = words[toIndex + 1];
    const prev = words[fromIndex - 1];
    if (next) end = run.base + next.start;
    else if (prev) start = run.base + prev.end;
    return { range: model.lines.rangeOf(start, end), newText: '' };
  }
  const lineStart = lineStartOf(text, start);
  const lineEnd = lineEndOf(text, end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (/^[ \t]*$/.test(before) && /^[ \t]*\\?[ \t]*\r?$/.test(after)) {
    if (after.trim().startsWith('\\') || after.trim() === model.escapeChar) {
      // `  --flag \` alone on a continued line: drop the whole line.
      const next = text.indexOf('\n', end);
      return { range: model.lines.rangeOf(lineStart, next < 0 ? text.length : next + 1), newText: '' };
    }
    const prev = words[fromIndex - 1];
    if (prev) return { range: model.lines.rangeOf(run.base + prev.end, end), newText: '' };
  }
  if (text[end] === ' ' || text[end] === '\t') end++;
  else if (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  return { range: model.lines.rangeOf(start, end), newText: '' };
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n') i++;
  return i;
}

/**
 * An edit appending `&& <command>` after the last command of a shell-form RUN, before any
 * trailing comment and after continuation lines and heredoc bodies. Undefined in exec form
 * and when the last command ends in a heredoc redirection (the text would land in its body).
 */
export function appendCommand(model: DockerfileModel, run: RunInstruction, shellText: string): TextEdit | undefined {
  if (run.execForm) return undefined;
  const commands = run.script.commands;
  if (!commands.length) return undefined;
  let last = commands[0];
  let lastEnd = commandEnd(last);
  for (const c of commands) {
    const end = commandEnd(c);
    if (end >= lastEnd) {
      last = c;
      lastEnd = end;
    }
  }
  if (last.redirects.some((r) => r.operator === '<<' || r.operator.startsWith('<<'))) return undefined;
  if (last.after === '&' || last.after === '|') return undefined;
  return { range: at(model, run.base + lastEnd), newText: ` && ${shellText}` };
}

function commandEnd(command: ShellCommand): number {
  let end = command.end;
  for (const redirect of command.redirects) if (redirect.target && redirect.target.end > end) end = redirect.target.end;
  return end;
}

export function fix(title: string, edits: (TextEdit | undefined)[], safe: boolean): Fix | undefined {
  const real = edits.filter((e): e is TextEdit => e !== undefined);
  return real.length === edits.length && real.length ? { title, edits: real, safe } : undefined;
}

export function report(message: string, where: Range, theFix?: Fix): Report {
  return theFix ? { message, range: where, fix: theFix } : { message, range: where };
}

/** Shorthand: workspace lookup of a sibling of the analyzed file. */
export function siblingExists(context: RuleContext, name: string): boolean {
  const path = context.path;
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash) : '.';
  try {
    return context.workspace.readFile(`${dir}/${name}`) !== undefined;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Rule shapes shared by several package managers

export interface CommandMatch {
  managers: readonly Manager[];
  /** Normalised subcommands that count (`install`); any when omitted. */
  subs?: readonly string[];
}

interface PkgVisit {
  run: RunInstruction;
  cmd: PkgCommand;
}

const visitsByModel = new WeakMap<DockerfileModel, Map<string, PkgVisit[]>>();

/**
 * The package commands of every RUN (model.runs order) whose manager is one of `managers`.
 * Listed once per model and manager set: a dozen rules each look for their own managers.
 */
function packageVisits(model: DockerfileModel, managers: readonly Manager[]): PkgVisit[] {
  let byKey = visitsByModel.get(model);
  if (!byKey) visitsByModel.set(model, (byKey = new Map()));
  const key = managers.join(' ');
  let list = byKey.get(key);
  if (!list) {
    list = [];
    for (const run of runsWithTriggers(model)) {
      for (const cmd of packageCommands(run.script)) if (managers.includes(cmd.manager)) list.push({ run, cmd });
    }
    byKey.set(key, list);
  }
  return list;
}

export function matches(cmd: PkgCommand, match: CommandMatch): boolean {
  return match.managers.includes(cmd.manager) && (!match.subs || (cmd.subName !== undefined && match.subs.includes(cmd.subName)));
}

export interface PinOptions extends CommandMatch {
  /** Whether the whole command is pinned some other way (`gem install -v 1.2 x`, `pip install -r req.txt`). */
  commandPinned?(cmd: PkgCommand): boolean;
  /** Whether one package argument names a version (or a file, a URL, a path). */
  pinned(value: string, cmd: PkgCommand): boolean;
  /** The message for an unpinned package. */
  message(pkg: string, cmd: PkgCommand): string;
}

/** Reports every package argument without a version, in every stage. */
export function checkPins(model: DockerfileModel, options: PinOptions): Report[] {
  const reports: Report[] = [];
  for (const { run, cmd } of packageVisits(model, options.managers)) {
    if (!matches(cmd, options) || options.commandPinned?.(cmd)) continue;
    for (const arg of cmd.args) {
      if (isDynamic(arg) || !arg.value || options.pinned(arg.value, cmd)) continue;
      reports.push({ message: options.message(arg.value, cmd), range: range(model, run, arg) });
    }
  }
  return reports;
}

export interface YesOptions extends CommandMatch {
  /** Flags that answer prompts (`y`, `yes`, `assumeyes`). */
  flags: readonly string[];
  /** Another way the command is made non-interactive (`-qq`, `-o APT::Get::Assume-Yes=true`). */
  otherwise?(cmd: PkgCommand): boolean;
  /** Where the fix goes: right after the program word, before or after the subcommand. */
  insert: 'after-program' | 'after-sub' | 'before-sub' | ((cmd: PkgCommand) => 'after-program' | 'after-sub' | 'before-sub');
  flag: string;
  message(cmd: PkgCommand): string;
}

/** Reports package-manager commands that would stop at a confirmation prompt. */
export function checkYes(model: DockerfileModel, options: YesOptions): Report[] {
  const reports: Report[] = [];
  for (const { run, cmd } of packageVisits(model, options.managers)) {
    if (!matches(cmd, options) || !cmd.sub) continue;
    if (hasFlag(cmd, ...options.flags) || options.otherwise?.(cmd) || pipedFromYes(run.script, cmd) || mayHideFlags(cmd)) continue;
    const where = typeof options.insert === 'function' ? options.insert(cmd) : options.insert;
    const edit =
      where === 'before-sub'
        ? insertBefore(model, run, cmd.sub, options.flag)
        : insertAfter(model, run, where === 'after-program' ? cmd.program : cmd.sub, options.flag);
    reports.push(report(options.message(cmd), range(model, run, cmd.sub), fix(`Add \`${options.flag}\``, [edit], true)));
  }
  return reports;
}

/** `yes | apt-get install x` answers the prompts too. */
function pipedFromYes(script: ShellScript, cmd: PkgCommand): boolean {
  const prev = script.commands[cmd.index - 1];
  return cmd.command.before === '|' && prev !== undefined && basename(prev.words[0]?.value ?? '') === 'yes';
}

export interface CleanOptions extends CommandMatch {
  /** Whether a command cleans the cache (`yum clean all`, `rm -rf /var/cache/yum`). */
  cleans(command: ShellCommand, parsed: PkgCommand | undefined): boolean;
  /** Cache locations: a cache or tmpfs mount over one of them silences the rule. */
  cachePaths: readonly string[];
  mountMatch?(target: string): boolean;
  /** Another reason to stay silent for this install (its cache pointed into a mount). */
  silent?(cmd: PkgCommand, run: RunInstruction): boolean;
  /** The command the fix appends, given the install command. */
  cleanCommand(cmd: PkgCommand): string;
  message(cmd: PkgCommand): string;
}

/**
 * Reports the last install of a RUN in a shipped stage when no cleanup follows it in the
 * same RUN; the fix appends the cleanup to the RUN's last command.
 */
export function checkClean(model: DockerfileModel, options: CleanOptions): Report[] {
  const reports: Report[] = [];
  for (const { run } of stageRuns(model, true)) {
    const commands = packageCommands(run.script);
    let lastInstall: PkgCommand | undefined;
    for (const cmd of commands) if (matches(cmd, options)) lastInstall = cmd;
    if (!lastInstall || hasCacheMount(run, options.cachePaths, options.mountMatch) || options.silent?.(lastInstall, run)) continue;
    const byIndex = new Map(commands.map((c) => [c.index, c]));
    let cleaned = false;
    for (let i = lastInstall.index + 1; i < run.script.commands.length && !cleaned; i++) {
      cleaned = options.cleans(run.script.commands[i], byIndex.get(i));
    }
    if (cleaned) continue;
    const cleanup = options.cleanCommand(lastInstall);
    reports.push(
      report(
        options.message(lastInstall),
        range(model, run, lastInstall.sub ?? lastInstall.program),
        fix(`Append \`&& ${cleanup}\``, [appendCommand(model, run, cleanup)], true),
      ),
    );
  }
  return reports;
}

/** Whether `command` is `rm` of a path under `roots`. */
export function isRemoval(command: ShellCommand, roots: readonly string[]): boolean {
  const words = commandWords(command);
  if (basename(words[0]?.value ?? '') !== 'rm') return false;
  return words.some((w, k) => k > 0 && !w.value.startsWith('-') && pathUnder(w.value, roots));
}

/** `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/…`: recommends off from here on. */
export function writesNoRecommends(script: ShellScript): boolean {
  for (const command of script.commands) {
    const name = basename(command.words[0]?.value ?? '');
    if (name !== 'echo' && name !== 'printf') continue;
    if (command.words.some((w) => /APT::Install-Recommends\s*"?(0|false)"?/i.test(w.value))) return true;
  }
  return false;
}

/**
 * Whether an RPM package argument names a version: `nginx-1.24.0`, `nginx-1:1.24.0-1.el9`
 * (a dash followed by parts that look like a version), an `.rpm` file or URL, or a module
 * stream `@nodejs:20` / `nodejs:20`.
 */
export function rpmPinned(pkg: string): boolean {
  if (pkg.endsWith('.rpm') || pkg.includes('/')) return true;
  if (pkg.includes(':') && !pkg.includes('-')) return true;
  const parts = pkg.split('-').slice(1);
  return parts.length > 0 && parts.every((p) => /^[A-Za-z0-9.~^_:+]+$/.test(p)) && parts.some((p) => /^\d/.test(p));
}

/** Package arguments of `yum/dnf install` and `… module install`: groups (`@x`) cannot be pinned. */
export function rpmPackageArgs(cmd: PkgCommand): boolean {
  return cmd.subName === 'install' || (cmd.subName === 'module' && cmd.args[0]?.value === 'install');
}

/** The values of a command's words with `sudo`/`env` wrappers peeled and the program's path dropped. */
export function unwrapped(command: ShellCommand): string[] {
  const words = commandWords(command).map((w) => w.value);
  if (words.length) words[0] = basename(words[0]);
  return words;
}
