'use strict';
// Exercises NodeInterop itself. Prints "ready <pid>", then echoes each stdin line upper-cased.
// With argument "fail" it writes to stderr and exits 3; with "hang" it never ends.

const mode = process.argv[2];
if (mode === 'fail') {
    process.stderr.write('echo.js was asked to fail\n');
    process.exit(3);
}
if (mode === 'hang') {
    setInterval(() => {}, 1000);
} else {
    process.stdout.write(`ready ${process.pid} ${process.env.ECHO_GREETING || ''}\n`);
    const lines = require('readline').createInterface({ input: process.stdin });
    lines.on('line', (line) => process.stdout.write(`${line.toUpperCase()}\n`));
}
