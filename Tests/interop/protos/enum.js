'use strict';
// Prints an enum of the official Node bindings as { NAME: number }.
//
// stdin:  { "type": "protos.ChaincodeMessage.Type" }
// stdout: { "UNDEFINED": 0, "REGISTER": 1, ... }

const { lookup } = require('./types');
const { run } = require('./io');

run((request) => {
    const values = lookup(request.type);
    if (!values || typeof values !== 'object') {
        throw new Error(`no enum "${request.type}" in @hyperledger/fabric-protos`);
    }
    return values;
});
