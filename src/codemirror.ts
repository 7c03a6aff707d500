/** ota-expr/codemirror: in progress (its issue lands it). */
export {};
