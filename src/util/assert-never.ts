/** Ends an exhaustive `switch`: the call only type-checks when every case has been handled. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
