import type { Language } from '../language';
import { NginxModel } from './model';
import { parseNginx } from './parser';
import { addHeaderContentType } from './rules/add-header-content-type';
import { addHeaderMultiline } from './rules/add-header-multiline';
import { addHeaderRedefinition } from './rules/add-header-redefinition';
import { aliasTraversal } from './rules/alias-traversal';
import { allowWithoutDeny } from './rules/allow-without-deny';
import { autoindexOn } from './rules/autoindex-on';
import { bodySizeUnlimited } from './rules/body-size-unlimited';
import { hostSpoofing } from './rules/host-spoofing';
import { httpSplitting } from './rules/http-splitting';
import { ifIsEvil } from './rules/if-is-evil';
import { listenPrivilegedPort } from './rules/listen-privileged-port';
import { methodsUnrestricted } from './rules/methods-unrestricted';
import { origins } from './rules/origins';
import { pidUnwritable } from './rules/pid-unwritable';
import { rateLimitMissing } from './rules/rate-limit-missing';
import { resolverExternal } from './rules/resolver-external';
import { securityHeadersMissing } from './rules/security-headers-missing';
import { serverTokens } from './rules/server-tokens';
import { ssrf } from './rules/ssrf';
import { syntax } from './rules/syntax';
import { tempPathsUnwritable } from './rules/temp-paths-unwritable';
import { validReferersNone } from './rules/valid-referers-none';
import { weakTls } from './rules/weak-tls';

// nginx as the engine sees it: parse into a model (syntax problems come back from the parser),
// then run the rules below over it.

export const nginxLanguage: Language<NginxModel> = {
  kind: 'nginx',
  parse(text, context) {
    const parsed = parseNginx(text, undefined, context.path);
    return { model: new NginxModel(text, context, parsed), problems: parsed.problems };
  },
  rules: [
    syntax,
    serverTokens,
    securityHeadersMissing,
    addHeaderRedefinition,
    weakTls,
    autoindexOn,
    bodySizeUnlimited,
    methodsUnrestricted,
    rateLimitMissing,
    pidUnwritable,
    tempPathsUnwritable,
    listenPrivilegedPort,
    ssrf,
    httpSplitting,
    origins,
    hostSpoofing,
    validReferersNone,
    addHeaderMultiline,
    aliasTraversal,
    addHeaderContentType,
    allowWithoutDeny,
    ifIsEvil,
    resolverExternal,
  ],
  statementStart: (model, line) => model.statementStart(line),
};
