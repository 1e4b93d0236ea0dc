import { classifyBase, parseImageRef } from '../image';
import type { RuleContext } from '../types';
import { builtImage } from './build';
import { knownImage, serviceImage } from './images';
import { contextFact } from './facts';
import type { ComposeService } from './model';
import { composeString } from './values';

// Which user a service's main process runs as, judged from what can be known without running
// it: the service's `user:`, else the final USER of the Dockerfile it builds, else what is known
// about the image (distroless `:nonroot`, chainguard, nginx-unprivileged, the user's
// `nonRootImages`; official server images start as root).

export interface ServiceUser {
  kind: 'root' | 'non-root' | 'unknown';
  /** The user as written, when it was written somewhere. */
  value?: string;
  /** Where the answer comes from, for messages: "`user: 1000`", "the Dockerfile's `USER app`", "the image". */
  from?: string;
}

export function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim().toLowerCase();
  return user === 'root' || user === '0';
}

export function serviceUser(service: ComposeService, context: RuleContext): ServiceUser {
  return contextFact(service, 'user', context, userOf);
}

function userOf(service: ComposeService, context: RuleContext): ServiceUser {
  const entry = service.get('user');
  if (entry) {
    const value = composeString(entry);
    if (value === undefined || !value.trim()) return { kind: 'unknown' };
    return { kind: isRootUser(value) ? 'root' : 'non-root', value, from: `\`user: ${value}\`` };
  }
  if (service.has('build')) {
    const built = builtImage(service, context);
    if (!built) return { kind: 'unknown' };
    if (built.user !== undefined) {
      if (built.user.includes('$')) return { kind: 'unknown' };
      return { kind: isRootUser(built.user) ? 'root' : 'non-root', value: built.user, from: `the Dockerfile's \`USER ${built.user}\`` };
    }
    if (built.baseImage && !built.baseImage.includes('$')) {
      const base = parseImageRef(built.baseImage);
      if (base && classifyBase(base, context.config.nonRootImages).nonRoot) return { kind: 'non-root', from: `its base image \`${built.baseImage}\`` };
    }
    return { kind: 'root', from: 'its Dockerfile, which never sets `USER`' };
  }
  const image = serviceImage(service);
  if (!image) return { kind: 'unknown' };
  if (classifyBase(image.ref, context.config.nonRootImages).nonRoot) return { kind: 'non-root', from: `the image \`${image.ref.raw}\`` };
  if (knownImage(image.ref)?.official) return { kind: 'root', from: `the image \`${image.ref.raw}\`` };
  return { kind: 'unknown' };
}
