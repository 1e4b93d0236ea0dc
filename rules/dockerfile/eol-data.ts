// Release end-of-life dates for the base images `dockerfile/image-eol` judges.
//
// Table last updated 2026-11-23. Sources: the endoflife.date product data (nodejs, python, go,
// alpine-linux, debian, ubuntu, centos, rhel, eclipse-temurin, php, ruby, nginx, postgresql,
// redis, mysql, dotnet), cross-checked with each project's own release policy page. A release
// whose end is not announced has `eol: null` and is never reported; a release missing from the
// table (newer than this update) is never reported either. Dates are the last day of free
// upstream security support: Debian LTS (which the official `debian` images follow), Ubuntu
// standard support (not paid ESM), Adoptium's Temurin support dates for Java.

export interface EolRelease {
  /** The release cycle as tags write it: `18`, `3.8`, `1.21`, `20.04`, `12`. */
  cycle: string;
  /** Last day of support, ISO date; null while not announced. */
  eol: string | null;
  /** Long-term support line (successors of an LTS release are LTS releases when there are any). */
  lts?: boolean;
  /** Distribution codename, lower case (`bookworm`, `jammy`). */
  codename?: string;
}

export interface EolProduct {
  /** Human name used in messages: `Node.js`, `Debian`. */
  title: string;
  /** Ascending by version. */
  releases: EolRelease[];
}

const r = (cycle: string, eol: string | null, extra: Partial<EolRelease> = {}): EolRelease => ({ cycle, eol, ...extra });

export const EOL_PRODUCTS = {
  node: {
    title: 'Node.js',
    releases: [
      r('4', '2018-04-30', { lts: true, codename: 'argon' }), r('5', '2016-06-30'),
      r('6', '2019-04-30', { lts: true, codename: 'boron' }), r('7', '2017-06-30'),
      r('8', '2019-12-31', { lts: true, codename: 'carbon' }), r('9', '2018-06-30'),
      r('10', '2021-04-30', { lts: true, codename: 'dubnium' }), r('11', '2019-06-30'),
      r('12', '2022-04-30', { lts: true, codename: 'erbium' }), r('13', '2020-06-01'),
      r('14', '2023-04-30', { lts: true, codename: 'fermium' }), r('15', '2021-06-01'),
      r('16', '2023-09-11', { lts: true, codename: 'gallium' }), r('17', '2022-06-01'),
      r('18', '2025-04-30', { lts: true, codename: 'hydrogen' }), r('19', '2023-06-01'),
      r('20', '2026-04-30', { lts: true, codename: 'iron' }), r('21', '2024-06-01'),
      r('22', '2027-04-30', { lts: true, codename: 'jod' }), r('23', '2025-06-01'),
      r('24', '2028-04-30', { lts: true, codename: 'krypton' }), r('25', '2026-06-01'),
      r('26', '2029-04-30', { lts: true }),
    ],
  },
  python: {
    title: 'Python',
    releases: [
      r('2.6', '2013-10-29'), r('2.7', '2020-01-01'), r('3.3', '2017-09-29'), r('3.4', '2019-03-18'),
      r('3.5', '2020-09-13'), r('3.6', '2021-12-23'), r('3.7', '2023-06-27'), r('3.8', '2024-10-07'),
      r('3.9', '2025-10-31'), r('3.10', '2026-10-31'), r('3.11', '2027-10-31'), r('3.12', '2028-10-31'),
      r('3.13', '2029-10-31'), r('3.14', '2030-10-31'),
    ],
  },
  go: {
    // Each Go release is supported until the second newer major release ships.
    title: 'Go',
    releases: [
      r('1.10', '2019-02-25'), r('1.11', '2019-09-03'), r('1.12', '2020-02-25'), r('1.13', '2020-08-11'),
      r('1.14', '2021-02-16'), r('1.15', '2021-08-16'), r('1.16', '2022-03-15'), r('1.17', '2022-08-02'),
      r('1.18', '2023-02-01'), r('1.19', '2023-08-08'), r('1.20', '2024-02-06'), r('1.21', '2024-08-13'),
      r('1.22', '2025-02-11'), r('1.23', '2025-08-12'), r('1.24', '2026-02-10'), r('1.25', '2026-08-19'),
      r('1.26', null), r('1.27', null),
    ],
  },
  alpine: {
    title: 'Alpine',
    releases: [
      r('3.0', '2016-05-01'), r('3.1', '2016-11-01'), r('3.2', '2017-05-01'), r('3.3', '2017-11-01'),
      r('3.4', '2018-05-01'), r('3.5', '2018-11-01'), r('3.6', '2019-05-01'), r('3.7', '2019-11-01'),
      r('3.8', '2020-05-01'), r('3.9', '2020-11-01'), r('3.10', '2021-05-01'), r('3.11', '2021-11-01'),
      r('3.12', '2022-05-01'), r('3.13', '2022-11-01'), r('3.14', '2023-05-01'), r('3.15', '2023-11-01'),
      r('3.16', '2024-05-23'), r('3.17', '2024-11-22'), r('3.18', '2025-05-09'), r('3.19', '2025-11-01'),
      r('3.20', '2026-04-01'), r('3.21', '2026-11-01'), r('3.22', '2027-05-01'), r('3.23', '2027-11-01'),
      r('3.24', '2028-05-01'),
    ],
  },
  debian: {
    title: 'Debian',
    releases: [
      r('7', '2018-05-31', { codename: 'wheezy' }), r('8', '2020-06-30', { codename: 'jessie' }),
      r('9', '2022-06-30', { codename: 'stretch' }), r('10', '2024-06-30', { codename: 'buster' }),
      r('11', '2026-08-31', { codename: 'bullseye' }), r('12', '2028-06-30', { codename: 'bookworm' }),
      r('13', '2030-06-30', { codename: 'trixie' }),
    ],
  },
  ubuntu: {
    title: 'Ubuntu',
    releases: [
      r('12.04', '2017-04-28', { lts: true, codename: 'precise' }), r('14.04', '2019-04-02', { lts: true, codename: 'trusty' }),
      r('16.04', '2021-04-02', { lts: true, codename: 'xenial' }), r('18.04', '2023-05-31', { lts: true, codename: 'bionic' }),
      r('18.10', '2019-07-18', { codename: 'cosmic' }), r('19.04', '2020-01-23', { codename: 'disco' }),
      r('19.10', '2020-07-06', { codename: 'eoan' }), r('20.04', '2025-05-31', { lts: true, codename: 'focal' }),
      r('20.10', '2021-07-22', { codename: 'groovy' }), r('21.04', '2022-01-20', { codename: 'hirsute' }),
      r('21.10', '2022-07-14', { codename: 'impish' }), r('22.04', '2027-04-01', { lts: true, codename: 'jammy' }),
      r('22.10', '2023-07-20', { codename: 'kinetic' }), r('23.04', '2024-01-20', { codename: 'lunar' }),
      r('23.10', '2024-07-12', { codename: 'mantic' }), r('24.04', '2029-05-31', { lts: true, codename: 'noble' }),
      r('24.10', '2025-07-10', { codename: 'oracular' }), r('25.04', '2026-01-17', { codename: 'plucky' }),
      r('25.10', '2026-07-01', { codename: 'questing' }), r('26.04', '2031-04-30', { lts: true, codename: 'resolute' }),
    ],
  },
  centos: {
    // CentOS Linux ended with 7 and 8; Stream lines follow RHEL's full-support phase.
    title: 'CentOS',
    releases: [
      r('5', '2017-03-31'), r('6', '2020-11-30'), r('7', '2024-06-30'), r('8', '2021-12-31'),
      r('stream8', '2024-05-31'), r('stream9', '2027-05-31'), r('stream10', null),
    ],
  },
  rhel: {
    title: 'Red Hat Enterprise Linux',
    releases: [r('6', '2020-11-30'), r('7', '2024-06-30'), r('8', '2029-05-31'), r('9', '2032-05-31'), r('10', '2035-05-31')],
  },
  java: {
    // Eclipse Temurin (Adoptium) support; feature releases live six months, LTS releases years.
    // Java 8: Adoptium extended its "at least" date from November 2026 to December 2030.
    title: 'Java',
    releases: [
      r('8', '2030-12-31', { lts: true }), r('11', '2027-10-31', { lts: true }), r('16', '2021-09-30'),
      r('17', '2027-10-31', { lts: true }), r('18', '2022-09-30'), r('19', '2023-03-31'), r('20', '2023-09-19'),
      r('21', '2029-12-31', { lts: true }), r('22', '2024-09-17'), r('23', '2025-03-18'), r('24', '2025-09-16'),
      r('25', null, { lts: true }), r('26', '2026-09-15'),
    ],
  },
  php: {
    title: 'PHP',
    releases: [
      r('5.5', '2016-07-21'), r('5.6', '2018-12-31'), r('7.0', '2019-01-10'), r('7.1', '2019-12-01'),
      r('7.2', '2020-11-30'), r('7.3', '2021-12-06'), r('7.4', '2022-11-28'), r('8.0', '2023-11-26'),
      r('8.1', '2025-12-31'), r('8.2', '2026-12-31'), r('8.3', '2027-12-31'), r('8.4', '2028-12-31'),
      r('8.5', '2029-12-31'),
    ],
  },
  ruby: {
    title: 'Ruby',
    releases: [
      r('2.2', '2018-03-31'), r('2.3', '2019-03-31'), r('2.4', '2020-03-31'), r('2.5', '2021-03-31'),
      r('2.6', '2022-03-31'), r('2.7', '2023-03-31'), r('3.0', '2024-04-23'), r('3.1', '2025-03-31'),
      r('3.2', '2026-03-31'), r('3.3', '2027-03-31'), r('3.4', '2028-03-31'), r('4.0', '2029-03-31'),
    ],
  },
  nginx: {
    // Even minors are stable branches, odd ones mainline; each is retired when its next one forks.
    title: 'nginx',
    releases: [
      r('1.14', '2019-04-23'), r('1.15', '2019-04-23'), r('1.16', '2020-04-20'), r('1.17', '2020-05-26'),
      r('1.18', '2021-04-20'), r('1.19', '2021-05-25'), r('1.20', '2022-05-24'), r('1.21', '2022-06-21'),
      r('1.22', '2023-04-11'), r('1.23', '2023-05-23'), r('1.24', '2024-04-23'), r('1.25', '2024-05-29'),
      r('1.26', '2025-04-23'), r('1.27', '2025-06-24'), r('1.28', '2026-04-14'), r('1.29', '2026-05-13'),
      r('1.30', null), r('1.31', null),
    ],
  },
  postgres: {
    title: 'PostgreSQL',
    releases: [
      r('9.4', '2020-02-13'), r('9.5', '2021-02-11'), r('9.6', '2021-11-11'), r('10', '2022-11-10'),
      r('11', '2023-11-09'), r('12', '2024-11-21'), r('13', '2025-11-13'), r('14', '2026-11-12'),
      r('15', '2027-11-11'), r('16', '2028-11-09'), r('17', '2029-11-08'), r('18', '2030-11-14'),
    ],
  },
  redis: {
    title: 'Redis',
    releases: [
      r('4.0', '2020-04-30'), r('5.0', '2022-04-27'), r('6.0', '2022-05-31'), r('6.2', null), r('7.0', '2024-07-29'),
      r('7.2', null), r('7.4', null), r('8.0', '2026-02-11'), r('8.2', null), r('8.4', null), r('8.6', null),
    ],
  },
  mysql: {
    // 8.1+ innovation releases live until the next one; 8.4 and 9.7 are the LTS lines.
    title: 'MySQL',
    releases: [
      r('5.5', '2018-12-31'), r('5.6', '2021-02-28'), r('5.7', '2023-10-31'), r('8.0', '2026-04-30', { lts: true }),
      r('8.1', '2023-10-25'), r('8.2', '2023-12-14'), r('8.3', '2024-04-10'), r('8.4', '2032-04-30', { lts: true }),
      r('9.0', '2024-10-15'), r('9.1', '2025-01-21'), r('9.2', '2025-04-15'), r('9.3', '2025-07-22'),
      r('9.4', '2025-10-21'), r('9.5', '2026-01-20'), r('9.6', '2026-04-21'), r('9.7', null, { lts: true }),
    ],
  },
  dotnet: {
    title: '.NET',
    releases: [
      r('2.1', '2021-08-21', { lts: true }), r('2.2', '2019-12-23'), r('3.0', '2020-03-03'), r('3.1', '2022-12-13', { lts: true }),
      r('5', '2022-05-10'), r('6', '2024-11-12', { lts: true }), r('7', '2024-05-14'), r('8', '2026-11-10', { lts: true }),
      r('9', '2026-11-10'), r('10', '2028-11-14', { lts: true }),
    ],
  },
} satisfies Record<string, EolProduct>;

export type EolProductId = keyof typeof EOL_PRODUCTS;

/** The date this table was last brought up to date (shown in the rule's docs). */
export const EOL_TABLE_UPDATED = '2026-11-23';
