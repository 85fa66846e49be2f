'use strict';
// Runs the official @hyperledger/fabric-gateway client against a gateway peer (ours, or a test double of one).
//
// stdin:  { "address": "127.0.0.1:7051", "mspId": "HabanaMSP", "certificatePem": "...", "privateKeyPem": "...",
//           "channel": "ehr", "chaincode": "omop", "transaction": "CreatePerson", "arguments": ["p-1"],
//           "transient": { "ssn": "..." }, "endorsingOrganizations": ["HabanaMSP"], "mode": "submit" | "evaluate" }
// stdout: submit:   { "transactionId", "result" (utf8), "status": { "code", "blockNumber", "successful" } }
//         evaluate: { "result" (utf8) }
//         failure:  { "error": { "name", "code", "transactionId", "details": [{ "address", "mspId", "message" }] } }

const crypto = require('crypto');
const grpc = require('@grpc/grpc-js');
const { connect, signers } = require('@hyperledger/fabric-gateway');
const { run } = require('../protos/io');

function describeError(err) {
    return {
        error: {
            name: err.name,
            code: err.code,
            transactionId: err.transactionId,
            details: (err.details || []).map((d) => ({ address: d.address, mspId: d.mspId, message: d.message })),
        },
    };
}

run(async (input) => {
    const client = new grpc.Client(input.address, grpc.credentials.createInsecure());
    const gateway = connect({
        client,
        identity: { mspId: input.mspId, credentials: Buffer.from(input.certificatePem) },
        signer: signers.newPrivateKeySigner(crypto.createPrivateKey(input.privateKeyPem)),
    });
    try {
        const contract = gateway.getNetwork(input.channel).getContract(input.chaincode);
        const options = {
            arguments: input.arguments || [],
            transientData: input.transient || {},
            endorsingOrganizations: input.endorsingOrganizations,
        };
        const utf8 = (bytes) => Buffer.from(bytes).toString('utf8');
        if (input.mode === 'evaluate') {
            return { result: utf8(await contract.evaluate(input.transaction, options)) };
        }
        const proposal = contract.newProposal(input.transaction, options);
        const transaction = await proposal.endorse();
        const commit = await transaction.submit();
        const status = await commit.getStatus();
        return {
            transactionId: transaction.getTransactionId(),
            result: utf8(transaction.getResult()),
            status: { code: status.code, blockNumber: Number(status.blockNumber), successful: status.successful },
        };
    } catch (err) {
        return describeError(err);
    } finally {
        gateway.close();
        client.close();
    }
});
