import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';

// `autoindex on` turns every folder without an index file into a browsable listing.

export const autoindexOn: Rule<NginxModel> = {
  meta: {
    id: 'nginx/autoindex-on',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'Directory listings are switched on (autoindex on)',
    aliases: [],
    fix: 'unsafe',
    docs: {
      what: 'Reports `autoindex on` in any block: `http`, `server`, `location`, nested locations and included files alike.',
      why:
        'With `autoindex` on, a request for a folder that has no index file returns a page listing every file in it. ' +
        'That turns forgotten backups, `.env` files, build artefacts and uploads into a catalogue an attacker can ' +
        'browse, and tells them the names to ask for. Listings are rarely what a site means to serve; when they are, ' +
        'keep them to one narrow `location`, behind authentication.',
      example: 'location /downloads/ {\n    root /srv;\n    autoindex on;\n}\n',
      fixed: 'location /downloads/ {\n    root /srv;\n    autoindex off;\n}\n',
      notes:
        'The quick fix sets `autoindex off;`. It is marked unsafe because it changes what the server answers: folders ' +
        'without an index file then return 403 instead of a listing. If a listing is intended, suppress the finding ' +
        'on that line with a reason.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const directive of model.find('autoindex')) {
      const value = directive.args[0];
      if (directive.args.length !== 1 || value.value.toLowerCase() !== 'on') continue;
      reports.push({
        message: '`autoindex on` lists the files of every folder without an index page; switch it off, or limit it to one location behind authentication.',
        range: value.range,
        fix: { title: 'Set `autoindex off`', edits: [{ range: value.range, newText: 'off' }], safe: false },
      });
    }
    return reports;
  },
};
