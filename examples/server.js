// A placeholder web server so the example image has something to run.
require('http').createServer((req, res) => res.end('shop\n')).listen(3000);
