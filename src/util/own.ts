/**
 * Reading records and option bags that may come from anywhere (JSON, JavaScript callers): own properties only, so
 * that `__proto__`, `constructor` and friends are plain data, never prototype lookups; arrays are not objects here.
 */

/** An object a path may step into: not null, not an array. */
export function isContainer(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Object.hasOwn`, bound once. */
export const hasOwn: (object: object, key: PropertyKey) => boolean = Object.hasOwn;

/** The own property `key` of `value`, or undefined when `value` is not a container or the property is inherited. */
export function ownProperty(value: unknown, key: string): unknown {
  return isContainer(value) && hasOwn(value, key) ? value[key] : undefined;
}
