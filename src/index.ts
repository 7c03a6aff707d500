/**
 * ota-expr: every entry's public names, re-exported (each entry lists its own: src/core.ts, src/predicate.ts,
 * src/sql.ts, src/mongo.ts, src/search.ts, src/editor.ts; not ota-expr/codemirror, whose CodeMirror peers a root import
 * must not require). Changing an exported type is a breaking change and goes in CHANGELOG.md.
 */
export * from './core.js';
export * from './predicate.js';
export * from './sql.js';
export * from './mongo.js';
export * from './search.js';
export * from './editor.js';
