import { gemVersionUnpinned } from '../../../rules/dockerfile/rules/gem-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(gemVersionUnpinned, {
  valid: [
    { code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.23\n' },
    { name: '-v', code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.23\n' },
    { name: '--version=', code: 'FROM ruby:3.3\nRUN gem install --no-document bundler --version=2.5.23\n' },
    { name: 'local gem', code: 'FROM ruby:3.3\nRUN gem install ./pkg/app-1.0.gem\n' },
    { name: 'bundle install is the lockfile', code: 'FROM ruby:3.3\nRUN bundle install\n' },
    { name: 'other gem commands', code: 'FROM ruby:3.3\nRUN gem update --system 3.5.23\n' },
    { name: 'native build options after --', code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries true\n' },
  ],
  invalid: [
    {
      code: 'FROM ruby:3.3\nRUN gem install bundler\n',
      errors: [{ range: [1, 16, 1, 23], message: '`bundler:<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'gem i, flags with values, sudo, heredoc',
      code: 'FROM ruby:3.3\nRUN <<EOF\nsudo gem i -N --source https://gems.example.com rails rake:13.2.1\nEOF\n',
      errors: [{ range: [2, 48, 2, 53] }],
      output: null,
    },
    {
      name: 'continuation, CRLF, exec form',
      code: 'FROM ruby:3.3\r\nRUN gem install \\\r\n  rails\r\nRUN ["gem", "install", "rake"]\r\n',
      errors: [{ range: [2, 2, 2, 7] }, { range: [3, 23, 3, 29] }],
      output: null,
    },
  ],
});
