// The pass's name, shared by its modules (errors name it).
export const name = 'direct-code';
