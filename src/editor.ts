/** ota-expr/editor: in progress (its issue lands it). */
export {};
