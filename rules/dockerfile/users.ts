import type { Stage } from './model';
import { commandName, unwrapCommand } from './shell';

// Users a Dockerfile creates with useradd/adduser, read from the lexed RUN commands.

const VALUE_SHORTS = new Set(['b', 'c', 'd', 'e', 'f', 'g', 'G', 'h', 'k', 'K', 'p', 'P', 'R', 's', 'u', 'Z']);
const VALUE_LONGS = new Set([
  'home', 'home-dir', 'shell', 'uid', 'gid', 'groups', 'gecos', 'comment', 'ingroup', 'expiredate', 'inactive',
  'key', 'password', 'root', 'prefix', 'selinux-user', 'base-dir', 'skel', 'firstuid', 'lastuid', 'conf',
]);

/** The account a `useradd`/`adduser` command creates, or undefined when it is not one. */
export function createdUserOf(words: { value: string }[]): string | undefined {
  let user: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const value = words[i].value;
    if (value.startsWith('--')) {
      if (!value.includes('=') && VALUE_LONGS.has(value.slice(2))) i++;
    } else if (value.startsWith('-') && value.length > 1) {
      if (value.length === 2 && VALUE_SHORTS.has(value[1])) i++;
    } else user = value;
  }
  // `adduser app app` (Debian: add user to group) names the user first; useradd takes one name.
  const positional = words.slice(1).filter((w, i, all) => !w.value.startsWith('-') && !isOptionValue(all, i));
  if (positional.length > 1) user = positional[0].value;
  return user && /^[a-z_][a-z0-9_.-]*\$?$/i.test(user) && user !== 'root' ? user : undefined;
}

function isOptionValue(words: { value: string }[], index: number): boolean {
  const previous = words[index - 1]?.value;
  if (!previous) return false;
  if (previous.startsWith('--')) return !previous.includes('=') && VALUE_LONGS.has(previous.slice(2));
  return previous.length === 2 && previous.startsWith('-') && VALUE_SHORTS.has(previous[1]);
}

/** The last user created by the stage or the stages it builds on (nearest first). */
export function createdUser(stage: Stage): string | undefined {
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    let found: string | undefined;
    for (const run of s.runs) {
      for (const raw of run.script.commands) {
        const command = unwrapCommand(raw);
        const name = commandName(command);
        if (name === 'useradd' || name === 'adduser') found = createdUserOf(command.words) ?? found;
      }
    }
    if (found) return found;
  }
  return undefined;
}

/** The UID the stage (or a stage it builds on) gives `user` with `useradd -u`/`adduser --uid`, when written. */
export function createdUid(stage: Stage, user: string): string | undefined {
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    let uid: string | undefined;
    for (const run of s.runs) {
      for (const raw of run.script.commands) {
        const command = unwrapCommand(raw);
        const name = commandName(command);
        if ((name !== 'useradd' && name !== 'adduser') || createdUserOf(command.words) !== user) continue;
        const words = command.words.map((w) => w.value);
        for (let i = 1; i < words.length; i++) {
          const word = words[i];
          const value = word === '-u' || word === '--uid' ? words[i + 1] : /^(?:--uid=|-u)(\d+)$/.exec(word)?.[1];
          if (value !== undefined && /^\d+$/.test(value)) uid = value;
        }
      }
    }
    if (uid) return uid;
  }
  return undefined;
}

/** Accounts official and distroless images ship, with the UID they always have there. */
export function wellKnownUid(stage: Stage, user: string): string | undefined {
  let root: Stage = stage;
  while (root.base.stage) root = root.base.stage;
  const name = root.base.image?.name.replace(/^(?:docker\.io\/)?(?:library\/)?/, '') ?? '';
  if (user === 'nonroot' && /(?:^|\/)(?:distroless|chainguard|wolfi)|^cgr\.dev\//.test(name)) return '65532';
  if (user === 'nobody') return '65534';
  if (user === 'node' && /^(?:node|cimg\/node)$/.test(name)) return '1000';
  if (user === 'nginx' && /^(?:nginx|nginxinc\/nginx-unprivileged)$/.test(name)) return '101';
  return undefined;
}
