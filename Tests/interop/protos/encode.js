'use strict';
// Builds Fabric messages with the official Node bindings and prints their bytes.
//
// stdin:  { "type": "common.Envelope", "fields": { "payload": { "$encode": { "type": "common.Payload", "fields": {...} } },
//                                                   "signature": { "$base64": "..." } } }
// stdout: { "base64": "..." }
//
// Field names are the toObject names: "channelHeader" calls setChannelHeader, "argsList" calls setArgsList,
// "transientmapMap" fills getTransientmapMap(). Values:
//   string | number | boolean          scalar or enum number
//   { "$base64": "..." }               bytes
//   { "$utf8": "..." }                 bytes of a UTF-8 string
//   { "$type": "x.Y", "fields": {} }   a message
//   { "$encode": { "type", "fields" }} bytes of a marshaled message
//   [ ... ]                            repeated field (key ends with "List")
//   { "key": value }                   map field (key ends with "Map")
//   { "$entries": [[key, value]] }     map field with non-string keys

const { messageType } = require('./types');
const { run } = require('./io');

function build(typeName, fields) {
    const type = messageType(typeName);
    const message = new type();
    for (const [name, value] of Object.entries(fields || {})) {
        const accessor = name.charAt(0).toUpperCase() + name.slice(1);
        if (name.endsWith('Map') && typeof message[`get${accessor}`] === 'function' && !Array.isArray(value)) {
            const map = message[`get${accessor}`]();
            // Non-string keys (e.g. map<uint64, ...>) are given as { "$entries": [[1, value], ...] }.
            const entries = Array.isArray(value.$entries) ? value.$entries : Object.entries(value);
            for (const [key, entry] of entries) {
                map.set(key, convert(entry));
            }
            continue;
        }
        // Fields whose accessors clash with jspb.Message's own (e.g. "extension") get a "$" suffix.
        const setter = message[`set${accessor}$`] || message[`set${accessor}`];
        if (typeof setter !== 'function') {
            throw new Error(`${typeName} has no field "${name}" (no set${accessor})`);
        }
        setter.call(message, Array.isArray(value) ? value.map(convert) : convert(value));
    }
    return message;
}

function convert(value) {
    if (value === null || typeof value !== 'object') {
        return value;
    }
    if ('$base64' in value) {
        return new Uint8Array(Buffer.from(value.$base64, 'base64'));
    }
    if ('$utf8' in value) {
        return new Uint8Array(Buffer.from(value.$utf8, 'utf8'));
    }
    if ('$type' in value) {
        return build(value.$type, value.fields);
    }
    if ('$encode' in value) {
        return build(value.$encode.type, value.$encode.fields).serializeBinary();
    }
    throw new Error(`cannot convert ${JSON.stringify(value)}: use $base64, $utf8, $type or $encode`);
}

run((request) => {
    const bytes = build(request.type, request.fields).serializeBinary();
    return { base64: Buffer.from(bytes).toString('base64') };
});
