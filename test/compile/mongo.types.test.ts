/**
 * Type-level: what toMongo returns can be handed to the official driver (`collection.find(filter)`) as a
 * `Filter<JobInfo>`, and it is the `Record<string, unknown>` docs/LANGUAGE.md §7 promises. Checked by vitest's expectTypeOf
 * and, for the plain assignments, by `tsc --noEmit`. `mongodb` is a devDependency used for its types only.
 */
import type { Filter } from 'mongodb';
import { describe, expectTypeOf, it } from 'vitest';
import { toMongo, type MongoFilter } from '../../src/index.js';
import type { JobInfo } from '../../src/apis/ota-job/job-info.js';
import { parse } from '../../src/language/parse.js';

describe('toMongo types', () => {
  it('returns a MongoFilter that is a Filter<JobInfo> and a Record<string, unknown>', () => {
    const filter = toMongo(parse("productKey = 'a' and name like 'x'"));
    expectTypeOf(filter).toEqualTypeOf<MongoFilter>();
    expectTypeOf(filter).toExtend<Filter<JobInfo>>();
    expectTypeOf(filter).toExtend<Record<string, unknown>>();

    // Plain assignments, checked by tsc --noEmit as a caller would write them.
    const driverFilter: Filter<JobInfo> = filter;
    const record: Record<string, unknown> = filter;
    const nested: Filter<JobInfo>[] | undefined = filter.$and;
    void [driverFilter, record, nested];
  });
});
