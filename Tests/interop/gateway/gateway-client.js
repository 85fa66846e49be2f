'use strict';
// Runs the official @hyperledger/fabric-gateway client against a peer's gateway service.
//
// stdin:  { "address": "localhost:7051", "tlsCaPem": "<PEM or empty for plaintext>", "hostName": "peer0.org.example",
//           "mspId": "Org1MSP", "certPem": "<PEM>", "keyPem": "<PKCS#8 PEM>", "channel": "ehr", "chaincode": "ehr",
//           "submit": [["fn", "arg", ...], ...], "evaluate": ["fn", "arg", ...] }
// stdout: { "submitted": [{ "transactionId", "result", "code", "successful", "blockNumber" }, ...],
//           "evaluated": "<result as UTF-8>",
//           "events": [{ "eventName", "payload", "transactionId", "blockNumber" }, ...] }
// Events are read from the block of the first submitted transaction, one per submitted transaction.

const crypto = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const { connect, hash, signers } = require('@hyperledger/fabric-gateway');
const { run } = require('../protos/io');

const utf8 = new TextDecoder();

run(async (input) => {
    const credentials = input.tlsCaPem
        ? grpc.credentials.createSsl(Buffer.from(input.tlsCaPem))
        : grpc.credentials.createInsecure();
    const options = input.tlsCaPem ? { 'grpc.ssl_target_name_override': input.hostName } : {};
    const client = new grpc.Client(input.address, credentials, options);
    const gateway = connect({
        client,
        identity: { mspId: input.mspId, credentials: Buffer.from(input.certPem) },
        signer: signers.newPrivateKeySigner(crypto.createPrivateKey(input.keyPem)),
        hash: hash.sha256,
    });
    try {
        const network = gateway.getNetwork(input.channel);
        const contract = network.getContract(input.chaincode);
        const submitted = [];
        for (const [name, ...args] of input.submit) {
            const commit = await contract.submitAsync(name, { arguments: args });
            const status = await commit.getStatus();
            submitted.push({
                transactionId: status.transactionId,
                result: utf8.decode(commit.getResult()),
                code: status.code,
                successful: status.successful,
                blockNumber: Number(status.blockNumber),
            });
        }

        const evaluated = utf8.decode(await contract.evaluateTransaction(input.evaluate[0], ...input.evaluate.slice(1)));
        const events = [];
        if (submitted.length > 0) {
            const stream = await network.getChaincodeEvents(input.chaincode, { startBlock: BigInt(submitted[0].blockNumber) });
            try {
                for await (const event of stream) {
                    events.push({
                        eventName: event.eventName,
                        payload: utf8.decode(event.payload),
                        transactionId: event.transactionId,
                        blockNumber: Number(event.blockNumber),
                    });
                    if (events.length >= submitted.length) {
                        break;
                    }
                }
            } finally {
                stream.close();
            }
        }

        return { submitted, evaluated, events };
    } finally {
        gateway.close();
        client.close();
    }
});
