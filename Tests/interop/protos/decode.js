'use strict';
// Decodes Fabric messages with the official Node bindings.
//
// stdin:  { "type": "common.Envelope", "base64": "...",
//           "nested": { "payload": "common.Payload", "payload.header.channelHeader": "common.ChannelHeader" } }
// stdout: the message as deserializeBinary(...).toObject(), with every bytes field at a "nested" path
//         replaced by that field decoded as the given type. Paths use toObject names; "*" matches every
//         element of a list or map, and a number indexes a list. Maps (fooMap) become JSON objects.
//         Bytes fields stay base64 strings.

const { messageType } = require('./types');
const { run } = require('./io');

function decode(typeName, base64) {
    const type = messageType(typeName);
    return mapsToObjects(type.deserializeBinary(Buffer.from(base64, 'base64')).toObject());
}

// google-protobuf renders map fields as [[key, value], ...]; JSON objects are easier to assert on.
// Bytes values of maps come out of toObject() as Uint8Array rather than base64.
function mapsToObjects(value) {
    if (value instanceof Uint8Array) {
        return Buffer.from(value).toString('base64');
    }
    if (Array.isArray(value)) {
        return value.map(mapsToObjects);
    }
    if (value && typeof value === 'object') {
        const result = {};
        for (const [key, field] of Object.entries(value)) {
            if (key.endsWith('Map') && Array.isArray(field)) {
                result[key] = Object.fromEntries(field.map(([k, v]) => [String(k), mapsToObjects(v)]));
            } else {
                result[key] = mapsToObjects(field);
            }
        }
        return result;
    }
    return value;
}

function decodeAt(container, segments, typeName, path) {
    const [head, ...rest] = segments;
    if (container === null || typeof container !== 'object') {
        throw new Error(`path "${path}": cannot descend into ${JSON.stringify(container)} at "${head}"`);
    }
    const keys = head === '*' ? Object.keys(container) : [head];
    for (const key of keys) {
        if (!(key in container)) {
            throw new Error(`path "${path}": no field "${key}" (have ${Object.keys(container).join(', ')})`);
        }
        if (rest.length > 0) {
            decodeAt(container[key], rest, typeName, path);
        } else if (typeof container[key] !== 'string') {
            throw new Error(`path "${path}": field "${key}" is not bytes`);
        } else {
            container[key] = decode(typeName, container[key]);
        }
    }
}

run((request) => {
    const root = { message: decode(request.type, request.base64) };
    // Shorter paths first so that a nested path can go through bytes decoded by its parent.
    const nested = Object.entries(request.nested || {}).sort(
        ([a], [b]) => a.split('.').length - b.split('.').length,
    );
    for (const [path, typeName] of nested) {
        decodeAt(root, ['message', ...path.split('.')], typeName, path);
    }
    return root.message;
});
