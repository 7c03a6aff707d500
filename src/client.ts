/** ota-expr/client: in progress (its issue lands it). */
export {};
