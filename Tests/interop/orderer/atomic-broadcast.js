'use strict';
// Talks to an orderer with the official Fabric Node bindings: @hyperledger/fabric-protos' AtomicBroadcastClient
// over @grpc/grpc-js, plaintext.
//
// stdin:  { "address": "localhost:7050", "broadcast": ["<base64 common.Envelope>", ...], "seek": "<base64 common.Envelope>" }
// stdout: { "broadcast": [{ "status": 200, "info": "" }, ...],
//           "deliver": { "blocks": [{ "number": 0, "envelopes": 1 }, ...], "status": 200 } }

const grpc = require('@grpc/grpc-js');
const { common, orderer } = require('@hyperledger/fabric-protos');
const { run } = require('../protos/io');

function broadcast(client, envelopes) {
    return new Promise((resolve, reject) => {
        const responses = [];
        const call = client.broadcast();
        call.on('data', (response) => {
            responses.push({ status: response.getStatus(), info: response.getInfo() });
            if (responses.length === envelopes.length) {
                call.end();
            }
        });
        call.on('error', reject);
        call.on('end', () => resolve(responses));
        for (const base64 of envelopes) {
            call.write(common.Envelope.deserializeBinary(Buffer.from(base64, 'base64')));
        }
    });
}

function deliver(client, seek) {
    return new Promise((resolve, reject) => {
        const blocks = [];
        const call = client.deliver();
        call.on('data', (response) => {
            if (response.hasBlock()) {
                const block = response.getBlock();
                blocks.push({ number: block.getHeader().getNumber(), envelopes: block.getData().getDataList().length });
            } else {
                call.end();
                resolve({ blocks, status: response.getStatus() });
            }
        });
        call.on('error', reject);
        call.write(common.Envelope.deserializeBinary(Buffer.from(seek, 'base64')));
    });
}

run(async ({ address, broadcast: envelopes, seek }) => {
    const client = new orderer.AtomicBroadcastClient(address, grpc.credentials.createInsecure());
    try {
        return { broadcast: await broadcast(client, envelopes), deliver: await deliver(client, seek) };
    } finally {
        client.close();
    }
});
