import type { Report, Rule } from '../../types';
import { EOL_TABLE_UPDATED } from '../eol-data';
import { deprecatedImage, describeRelease, judgeImage } from '../eol';
import type { DockerfileModel } from '../model';

export const imageEol: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/image-eol',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'Base image release is past its end of life',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports a `FROM` whose image tag names a runtime or distribution release that no longer receives security fixes: ' +
        '`node:18`, `python:3.8`, `golang:1.21`, `alpine:3.19`, `debian:buster`, `ubuntu:20.04`/`focal`, `centos:7`, ' +
        'UBI 7, Java feature releases, PHP, Ruby, nginx, PostgreSQL, Redis, MySQL and .NET. The distribution named in a ' +
        'language image\'s tag counts too: `python:3.12-slim-buster` ships Debian 10, and so does the distribution in the ' +
        'tag of an image the table does not otherwise know (`tomcat:9.0-jre11-temurin-focal`). Images their publisher abandoned ' +
        'altogether are reported whatever the tag: `openjdk` (no updates since 2022) and `adoptopenjdk`, both replaced by ' +
        '`eclipse-temurin`. The final stage is reported as a ' +
        'warning; build stages as info, since only what they copy into the final image ships.',
      why:
        'Once a release reaches its end of life nobody patches it: every vulnerability found afterwards stays in your ' +
        'image for good, and scanners will flag it forever. Rebuilding does not help, because the tag itself is frozen. ' +
        'Moving to a supported release is the only fix, and the sooner it happens the smaller the jump.',
      example: 'FROM python:3.8-slim-buster\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      fixed: 'FROM python:3.12-slim-bookworm\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      notes:
        `Judged against today's date from a table shipped with Shipshape (table last updated ${EOL_TABLE_UPDATED}; ` +
        'sources: endoflife.date and each project\'s release policy). Dates are the end of free upstream security support: ' +
        'Debian LTS, Ubuntu standard support (not paid ESM), Eclipse Adoptium for Java. Releases the table does not know, ' +
        'floating tags (`node:lts`, `python:3`, `alpine`) and references built from unresolvable `ARG`s are never ' +
        'reported. The message names the oldest release that is still supported, and an example tag. hadolint has no ' +
        'equivalent rule.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const image = stage.base.image;
      if (!image || !image.tag) continue;
      const isFinalStage = stage === model.finalStage;
      const deprecated = deprecatedImage(image, context.now);
      if (deprecated) {
        reports.push({
          message:
            `\`${image.raw}\` is no longer maintained: ${deprecated.what} since ${deprecated.since}, so it gets no more ` +
            `security fixes. Move to a maintained build such as \`${deprecated.replacement}\`.` +
            (isFinalStage ? '' : ' (build stage: only what it copies ships)'),
          range: stage.base.tagRange ?? stage.base.range,
          ...(isFinalStage ? {} : { severity: 'info' as const }),
        });
        continue;
      }
      const verdict = judgeImage(image, context.now);
      if (!verdict) continue;
      const ended = verdict.expired.map((p) => `${describeRelease(p.title, p.release)} on ${p.release.eol}`);
      const successors = verdict.expired
        .filter((p) => p.successor)
        .map((p) => `${describeRelease(p.title, p.successor!)}${p.successor!.eol ? ` (supported until ${p.successor!.eol})` : ''}`);
      const isFinal = isFinalStage;
      let message = `\`${image.raw}\` is past its end of life: ${joinAnd(ended.map((e) => e.replace(/ on /, ' ended on ')))}, so it gets no more security fixes.`;
      if (successors.length) message += ` Move to ${joinAnd(successors)}`;
      if (verdict.suggestion) message += `, e.g. \`${verdict.suggestion}\``;
      if (successors.length) message += '.';
      if (verdict.hint) message += ` ${verdict.hint}.`;
      if (!isFinal) message += ' (build stage: only what it copies ships)';
      reports.push({
        message,
        range: stage.base.tagRange ?? stage.base.range,
        ...(isFinal ? {} : { severity: 'info' as const }),
      });
    }
    return reports;
  },
};

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
