/** ota-expr/kysely: in progress (its issue lands it). */
export {};
