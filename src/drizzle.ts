/** ota-expr/drizzle: in progress (its issue lands it). */
export {};
