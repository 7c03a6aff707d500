/**
 * A process that compiles filters over more distinct field names than the copies remember (1,024, copies/slots.ts):
 * every filter still compiles and selects what it says. A file of its own, so that the count starts from zero.
 */
import { expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { toPredicate } from '../../../src/predicate.js';
import { defineSchema } from '../../../src/schema/schema.js';

const COUNT = 1_100;
const names = Array.from({ length: COUNT }, (_, index) => `field${index}`);
const schema = defineSchema({
  name: 'many-fields',
  fields: Object.fromEntries(names.map((name) => [name, { type: 'string', operators: ['=', 'in'] } as const])),
  logical: ['and', 'or'],
});

it('compiles and selects correctly past the 1,024 field names whose copies are remembered', () => {
  // Twice over: the second round finds every name already seen (remembered, or past the limit).
  for (let round = 0; round < 2; round += 1) {
    for (const name of names) {
      const predicate = toPredicate(parse(`${name} = 'x' or ${name} in ('y', 'z')`), { schema });
      expect(predicate({ [name]: 'x' }), name).toBe(true);
      expect(predicate({ [name]: 'z' }), name).toBe(true);
      expect(predicate({ [name]: 'w' }), name).toBe(false);
      expect(predicate({ other: 'x' }), name).toBe(false);
    }
  }
});
