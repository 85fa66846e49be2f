'use strict';
// Maps Fabric proto full names ("common.Envelope", "protos.SignedProposal") to the classes
// exported by the official @hyperledger/fabric-protos bindings.

const fabric = require('@hyperledger/fabric-protos');

const packages = {
    common: fabric.common,
    msp: fabric.msp,
    protos: fabric.peer,
    lifecycle: fabric.peer.lifecycle,
    orderer: fabric.orderer,
    etcdraft: fabric.orderer.etcdraft,
    gateway: fabric.gateway,
    rwset: fabric.ledger.rwset,
    kvrwset: fabric.ledger.rwset.kvrwset,
    queryresult: fabric.ledger.queryresult,
    'google.rpc': fabric.google.rpc,
};

const wellKnown = {
    'google.protobuf.Timestamp': () => require('google-protobuf/google/protobuf/timestamp_pb').Timestamp,
    'google.protobuf.Any': () => require('google-protobuf/google/protobuf/any_pb').Any,
    'google.protobuf.Empty': () => require('google-protobuf/google/protobuf/empty_pb').Empty,
    'google.protobuf.Duration': () => require('google-protobuf/google/protobuf/duration_pb').Duration,
};

// Resolves a proto full name (message or enum) to what the bindings export under it.
function lookup(fullName) {
    // Longest package prefix first, so "google.rpc.Status" beats a one-segment package.
    const prefix = Object.keys(packages)
        .sort((a, b) => b.length - a.length)
        .find((name) => fullName.startsWith(name + '.'));
    if (!prefix) {
        throw new Error(`unknown proto package in type "${fullName}"`);
    }
    let found = packages[prefix];
    for (const part of fullName.slice(prefix.length + 1).split('.')) {
        found = found && found[part];
    }
    return found;
}

function messageType(fullName) {
    if (wellKnown[fullName]) {
        return wellKnown[fullName]();
    }
    const type = lookup(fullName);
    if (typeof type !== 'function' || typeof type.deserializeBinary !== 'function') {
        throw new Error(`no message type "${fullName}" in @hyperledger/fabric-protos`);
    }
    return type;
}

module.exports = { lookup, messageType };
