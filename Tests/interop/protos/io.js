'use strict';
// stdin/stdout JSON plumbing shared by the interop scripts.

async function readJsonFromStdin() {
    const chunks = [];
    for await (const chunk of process.stdin) {
        chunks.push(chunk);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function run(handler) {
    readJsonFromStdin()
        .then(handler)
        .then((result) => {
            process.stdout.write(JSON.stringify(result));
        })
        .catch((err) => {
            process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
            process.exitCode = 1;
        });
}

module.exports = { run };
