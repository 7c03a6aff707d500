/** ota-expr/knex: in progress (its issue lands it). */
export {};
