import { sudoersNopasswd } from '../../../rules/dockerfile/rules/sudoers-nopasswd';
import { ruleTester } from '../tester';

ruleTester(sudoersNopasswd, {
  valid: [
    { name: 'sudo with a password prompt', code: 'FROM debian:12\nRUN echo "app ALL=(ALL) ALL" > /etc/sudoers.d/app\n' },
    { name: 'NOPASSWD written somewhere else', code: 'FROM debian:12\nRUN echo "NOPASSWD: is documented here" > /tmp/notes\n' },
    { name: 'reading sudoers is not writing it', code: 'FROM debian:12\nRUN grep NOPASSWD: /etc/sudoers\n' },
    { name: 'exec form has no redirections', code: 'FROM debian:12\nRUN ["tee", "/etc/sudoers.d/x"]\n' },
  ],
  invalid: [
    {
      name: 'echo into sudoers.d',
      code: 'FROM debian:12\nRUN useradd -m app \\\n    && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app\nUSER app\n',
      errors: [{ message: 'password-less `sudo`', range: [2, 12, 2, 40], severity: 'warning' }],
    },
    {
      name: 'appended to /etc/sudoers through tee',
      code: 'FROM ubuntu:24.04\nRUN echo "%sudo ALL=(ALL:ALL) NOPASSWD: ALL" | tee -a /etc/sudoers\n',
      errors: [{ range: [1, 9, 1, 44] }],
    },
    {
      name: 'uncommented with sed',
      code: "FROM fedora:41\nRUN sed -i 's/^# %wheel\\s*ALL=(ALL)\\s*NOPASSWD: ALL/%wheel ALL=(ALL) NOPASSWD: ALL/' /etc/sudoers\n",
      errors: [{ message: 'password-less' }],
    },
    {
      name: 'a rule for one command is still a way to root',
      code: 'FROM debian:12\nRUN printf "app ALL=(root) NOPASSWD: /usr/bin/apt-get\\n" >> /etc/sudoers.d/apt\n',
      errors: [{ message: 'password-less' }],
    },
  ],
});
