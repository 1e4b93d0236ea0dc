import type { Report, Rule } from '../../types';
import type { ComposeModel } from '../model';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import { composeString } from '../values';

export const restartPolicy: Rule<ComposeModel> = {
  meta: {
    id: 'compose/restart-policy',
    kind: 'compose',
    severity: 'off',
    tier: 3,
    title: 'Unbounded restart policy',
    aliases: ['kics:2fc99041', 'cis-docker:5.15'],
    fix: 'none',
    docs: {
      what:
        'Opt-in. Flags `restart: always` and a Swarm-style `deploy.restart_policy` with `condition: any` and no `max_attempts`: policies that restart a failing container forever.',
      why:
        'A container that crashes on start gets restarted in a tight loop, for ever: it hides the failure behind a service that looks "up", burns CPU and log space, and keeps re-running whatever made it crash — including an exploit that crashes it, or a compromise that restarts itself. The CIS Docker Benchmark recommends `on-failure` with a bounded number of attempts, so a broken container stops and someone looks at it.',
      example: 'services:\n  worker:\n    image: example/worker:2.4\n    restart: always\n',
      fixed: 'services:\n  worker:\n    image: example/worker:2.4\n    restart: on-failure:5\n',
      notes:
        'Off by default: `always` and `unless-stopped` are reasonable choices for long-running services on a single host, and the trade-off is a policy decision. `unless-stopped` is not reported (it is stopped by hand as often as it is meant to run). Enable the rule in `.shipshape.yaml` to follow CIS 5.15.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ what: string }>();
    for (const service of model.services) {
      const restart = service.get('restart');
      if (composeString(restart)?.trim().toLowerCase() === 'always') sites.add(restart!.pair, service, restart!, { what: '`restart: always`' });
      const policy = service.map('deploy')?.map('restart_policy');
      const condition = policy?.get('condition');
      if (condition && composeString(condition)?.trim().toLowerCase() === 'any' && !policy!.has('max_attempts')) {
        sites.add(condition.pair, service, condition, { what: '`restart_policy.condition: any` without `max_attempts`' });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const verb = site.services.length === 1 ? 'restarts' : 'restart';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} forever (${site.data.what}): a crashing container loops without end and looks "up". Use \`restart: on-failure:5\` (or \`max_attempts\`) so a broken container stops and gets attention.`,
        range: site.item.range,
        related: relatedUses(site, 'this restart policy'),
      });
    }
    return reports;
  },
};
