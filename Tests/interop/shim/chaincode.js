'use strict';
// A tiny chaincode on the official fabric-shim, run as chaincode-as-a-service (shim.server).
// Its functions mirror Tests/Ceiba.Chaincode.Shim.Tests/TestChaincode.cs: the same ChaincodeDriver
// runs against both, and the observable results must match.
// Environment: CHAINCODE_ID (package id), CHAINCODE_SERVER_ADDRESS (host:port).
// Prints "CEIBA-SHIM-READY <address>" on stdout once it listens.

const shim = require('fabric-shim');

const text = (value) => shim.success(Buffer.from(value, 'utf8'));
const json = (value) => shim.success(Buffer.from(JSON.stringify(value), 'utf8'));
const utf8 = (buffer) => Buffer.from(buffer).toString('utf8');

async function collect(iterator, map) {
    const items = [];
    for await (const item of iterator) {
        items.push(map(item));
    }
    return items;
}

async function drain(iterator, map) {
    const items = [];
    for (;;) {
        const next = await iterator.next();
        if (next.done) {
            break;
        }
        items.push(map(next.value));
    }
    await iterator.close();
    return items;
}

const item = (kv) => ({ key: kv.key, value: utf8(kv.value) });

function split(stub, kv) {
    const { objectType, attributes } = stub.splitCompositeKey(kv.key);
    return { objectType, attributes, value: utf8(kv.value) };
}

async function page(result, map) {
    const { iterator, metadata } = await result;
    const items = await drain(iterator, map);
    return json({ items, fetched: metadata.fetchedRecordsCount, bookmark: metadata.bookmark });
}

const functions = {
    put: async (stub, [key, value]) => { await stub.putState(key, Buffer.from(value)); return text('ok'); },
    get: async (stub, [key]) => shim.success(await stub.getState(key)),
    del: async (stub, [key]) => { await stub.deleteState(key); return text('ok'); },
    putget: async (stub, [key, value]) => { await stub.putState(key, Buffer.from(value)); return shim.success(await stub.getState(key)); },
    range: async (stub, [start, end]) => json(await collect(stub.getStateByRange(start, end), item)),
    rangeFirst: async (stub, [start, end, count]) => {
        const keys = [];
        for await (const kv of stub.getStateByRange(start, end)) {
            keys.push(kv.key);
            if (keys.length === Number(count)) {
                break;
            }
        }
        return json(keys);
    },
    page: (stub, [start, end, size, bookmark]) =>
        page(stub.getStateByRangeWithPagination(start, end, Number(size), bookmark), item),
    putIndexed: async (stub, [objectType, value, ...attributes]) => {
        const key = stub.createCompositeKey(objectType, attributes);
        await stub.putState(key, Buffer.from(value));
        return text(key);
    },
    partial: async (stub, [objectType, ...attributes]) =>
        json(await collect(stub.getStateByPartialCompositeKey(objectType, attributes), (kv) => split(stub, kv))),
    partialPage: (stub, [objectType, size, bookmark, ...attributes]) =>
        page(stub.getStateByPartialCompositeKeyWithPagination(objectType, attributes, Number(size), bookmark), (kv) => split(stub, kv)),
    history: async (stub, [key]) => json(await collect(stub.getHistoryForKey(key), (m) => ({
        txId: m.txId,
        value: utf8(m.value),
        isDelete: m.isDelete,
        timestampMs: Number(m.timestamp.seconds) * 1000 + Math.floor(m.timestamp.nanos / 1e6),
    }))),
    event: async (stub, [name, payload]) => { stub.setEvent(name, Buffer.from(payload)); return text('ok'); },
    fail: async (stub, [status, message]) => ({ status: Number(status), message, payload: Buffer.alloc(0) }),
    txinfo: async (stub, parameters) => {
        const transient = {};
        for (const name of [...stub.getTransient().keys()].sort()) {
            transient[name] = utf8(stub.getTransient().get(name));
        }
        return json({
            txId: stub.getTxID(),
            channelId: stub.getChannelID(),
            mspId: stub.getCreator().mspid,
            function: stub.getFunctionAndParameters().fcn,
            parameters,
            binding: stub.getBinding(),
            timestampMs: stub.getDateTimestamp().getTime(),
            transient,
        });
    },
    identity: async (stub) => {
        const identity = new shim.ClientIdentity(stub);
        return json({ mspId: identity.getMSPID(), role: identity.getAttributeValue('role'), isDoctor: identity.assertAttributeValue('role', 'doctor') });
    },
    epset: async (stub, [key, policyHex]) => { await stub.setStateValidationParameter(key, Buffer.from(policyHex, 'hex')); return text('ok'); },
    epget: async (stub, [key]) => {
        const policy = await stub.getStateValidationParameter(key);
        return text(policy ? Buffer.from(policy).toString('hex') : '');
    },
    privput: async (stub, [collection, key, value]) => { await stub.putPrivateData(collection, key, Buffer.from(value)); return text('ok'); },
    privget: async (stub, [collection, key]) => shim.success(await stub.getPrivateData(collection, key)),
    privhash: async (stub, [collection, key]) => text(Buffer.from(await stub.getPrivateDataHash(collection, key)).toString('hex')),
};

class TestChaincode {
    async Init(stub) {
        return text('init:' + stub.getFunctionAndParameters().params.join(','));
    }

    async Invoke(stub) {
        const { fcn, params } = stub.getFunctionAndParameters();
        const fn = functions[fcn];
        if (!fn) {
            return { status: 400, message: `unknown function ${fcn}`, payload: Buffer.alloc(0) };
        }
        try {
            return await fn(stub, params);
        } catch (err) {
            // fabric-shim sends nothing for a rejected Invoke; answer like the C# shim would.
            return shim.error(err.message);
        }
    }
}

async function main() {
    const address = process.env.CHAINCODE_SERVER_ADDRESS;
    const server = shim.server(new TestChaincode(), { ccid: process.env.CHAINCODE_ID, address });
    await server.start();
    process.stdout.write(`CEIBA-SHIM-READY ${address}\n`);
}

main().catch((err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
});
