import { secretInEnvironment } from '../../../rules/compose/rules/secret-in-environment';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const env = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', '    environment:', ...body);

ruleTester(secretInEnvironment, {
  valid: [
    { name: 'from the shell or .env', code: env('      DB_PASSWORD: ${DB_PASSWORD}', '      API_TOKEN: $API_TOKEN') },
    { name: 'fallbacks are interpolation too', code: env('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}') },
    { name: 'list form with variables and bare names', code: env('      - DB_PASSWORD=${DB_PASSWORD}', '      - API_KEY', '      - SECRET_KEY=') },
    { name: '_FILE and other references', code: env('      POSTGRES_PASSWORD_FILE: /run/secrets/db', '      JWT_SECRET_PATH: /etc/app/jwt', '      VAULT_TOKEN_NAME: app', '      AWS_ACCESS_KEY_ID: example') },
    { name: 'flags that mention passwords', code: env('      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"', '      MYSQL_RANDOM_ROOT_PASSWORD: "1"', '      PASSWORD_AUTH_ENABLED: "true"', '      TOKEN_TTL: "3600"') },
    { name: 'ordinary settings', code: env('      NODE_ENV: production', '      PWD: /app', '      TOKENIZER: bert', '      PASSTHROUGH: "on"') },
    { name: 'value is a secrets path', code: env('      APP_SECRET: /run/secrets/app') },
    { name: 'empty map value', code: env('      DB_PASSWORD:', '      OTHER: x') },
    { name: 'words that say there is no credential', code: env('      ADMIN_TOKEN: unused', '      SMTP_PASSWORD: none', '      API_KEY: "n/a"', '      WEBHOOK_SECRET: "-"', '      SENTRY_TOKEN: Unset') },
    { name: 'list form: unused', code: env('      - ADMIN_TOKEN=unused', '      - REGISTRY_PASSWORD=not_set') },
    { name: 'a libpq string that takes the password from elsewhere', code: env('      PG_DSN: "host=db user=app password=$${PGPASS} dbname=app"', '      OTHER_DSN: "host=db user=app dbname=app"') },
    { name: 'template slots are filled in elsewhere', code: env('      API_TOKEN: "<your-api-token>"', '      DB_PASSWORD: "{{ vault_db_password }}"') },
  ],
  invalid: [
    {
      name: 'map form: on the value',
      code: env('      POSTGRES_PASSWORD: hunter2'),
      errors: [{ message: 'Service `app` sets `POSTGRES_PASSWORD` to a literal credential', range: [4, 25, 4, 32], severity: 'error' }],
      output: null,
    },
    { name: 'the message does not repeat the value', code: env('      API_KEY: "s3cr3t-value"'), errors: [{ message: /^(?!.*s3cr3t)/ }] },
    { name: 'image that reads _FILE: says so', code: env('      MYSQL_ROOT_PASSWORD: tr0ub4dor'), errors: [{ message: '`MYSQL_ROOT_PASSWORD_FILE: /run/secrets/<name>` (the image reads it)' }] },
    {
      name: 'list form: on the value part',
      code: env('      - NODE_ENV=production', '      - JWT_SECRET=abc123', '      - "REDIS_PASS=s3cret"'),
      errors: [{ message: '`JWT_SECRET`', range: [5, 19, 5, 25] }, { message: '`REDIS_PASS`', range: [6, 20, 6, 26] }],
    },
    {
      name: 'fill-in placeholders: a warning of their own, asking to make the variable required',
      code: env('      - JWT_SECRET=change-me-in-production', '      - "REDIS_PASS=changeme"', '      - API_KEY=your-api-key-here', '      - ALGOD_TOKEN=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '      - ADMIN_PASSWORD=xxxx', '      - SRH_TOKEN=example_token'),
      errors: [
        { message: '`JWT_SECRET` to a placeholder written in the file', severity: 'warning', range: [4, 19, 4, 42] },
        { message: /`REDIS_PASS` to a placeholder.*`\$\{REDIS_PASS:\?set REDIS_PASS\}`/, severity: 'warning' },
        { message: '`API_KEY` to a placeholder' },
        { message: '`ALGOD_TOKEN` to a placeholder' },
        { message: '`ADMIN_PASSWORD` to a placeholder' },
        { message: '`SRH_TOKEN` to a placeholder' },
      ],
      output: null,
    },
    { name: "Vault's dev root token is named _ID but is the token", code: env('      - VAULT_DEV_ROOT_TOKEN_ID=my-token', '      - AWS_ACCESS_KEY_ID=AKIDEXAMPLE'), errors: [{ message: '`VAULT_DEV_ROOT_TOKEN_ID` to a literal credential' }] },
    {
      name: 'a URL whose password is a placeholder is a placeholder',
      code: env('      DATABASE_URI: "mariadb+pymysql://bunkerweb:changeme@bw-db:3306/db"', '      CACHE_URL: redis://:s3cret@cache:6379'),
      errors: [{ message: '`DATABASE_URI` to a placeholder', severity: 'warning' }, { message: '`CACHE_URL` to a URL with an embedded password', severity: 'error' }],
    },
    {
      name: 'JVM system properties carrying a password',
      code: env('      JAVA_TOOL_OPTIONS: >-', '        -Dsolr.sharedSecret=secret', '        -Dmetadata-keystore.password=mp6yc0UD9e', '      JAVA_OPTS: "-Xmx1g -Dapp.password=$${APP_PASSWORD}"', '      SOLR_OPTS: -Dalfresco.secureComms.secret=secret'),
      errors: [{ message: '`JAVA_TOOL_OPTIONS` to a JVM option with a password', severity: 'error' }, { message: '`SOLR_OPTS` to a placeholder', severity: 'warning' }],
    },
    { name: 'a weak real password is still an error', code: env('      POSTGRES_PASSWORD: postgres'), errors: [{ message: 'a literal credential', severity: 'error' }] },
    {
      name: 'names of many shapes',
      code: env('      GITHUB_TOKEN: abc', '      stripe.secretKey: abc', '      DB_PWD: abc', '      SMTP_PASSWD: abc', '      CLIENT_SECRET: abc', '      AWS_SECRET_ACCESS_KEY: abc', '      ADMINPASSWORD: abc'),
      errors: [{ line: 4 }, { line: 5 }, { line: 6 }, { line: 7 }, { line: 8 }, { line: 9 }, { line: 10 }],
    },
    {
      name: 'credential-shaped values whatever the name',
      code: env('      DATABASE_URL: postgres://app:s3cret@db:5432/app', '      CONN: "Server=db;Database=app;User Id=sa;Password=s3cret;"', '      KEY1: AKIAIOSFODNN7EXAMPLE', '      GH: ghp_abcdefghijklmnopqrstuvwxyz0123456789', '      PG_DSN: "host=db port=5432 user=app password=s3cret dbname=app"'),
      errors: [{ message: 'a URL with an embedded password' }, { message: 'a connection string with a password' }, { message: 'an AWS access key' }, { message: 'a GitHub token' }, { message: 'a connection string with a password' }],
    },
    { name: 'a URL without a password is fine, one with is not', code: env('      A_URL: https://example.com/x', '      B_URL: redis://:pw@cache:6379'), errors: [{ message: '`B_URL`' }] },
    {
      name: 'anchor shared by services: once',
      code: lines('x-env: &env', '  DB_PASSWORD: hunter2', 'services:', '  a:', '    image: x:1', '    environment: *env', '  b:', '    image: y:1', '    environment:', '      <<: *env', '      EXTRA: "1"'),
      errors: [{ message: 'Services `a` and `b` set `DB_PASSWORD`', range: [1, 15, 1, 22] }],
    },
    { name: 'flow map, CRLF', code: 'services:\r\n  a:\r\n    image: x:1\r\n    environment: {SECRET: abc}\r\n', errors: [{ range: [3, 26, 3, 29] }] },
  ],
});
