// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { urlFilters } from '@/lib/url-filters';

const schema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  sort: z.enum(['dueOn', '-dueOn']).default('dueOn'),
  q: z.string().max(10).optional(),
  status: z.enum(['open', 'closed']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  flag: z.enum(['true']).optional(),
});
const codec = urlFilters(schema);

describe('urlFilters (one URL ⇄ filters codec from a zod schema)', () => {
  it('parses each parameter through its field, absent ones at their defaults', () => {
    expect(codec.parse(new URLSearchParams('year=2017&status=closed&q=低保&page=3'))).toEqual({
      page: 3,
      sort: 'dueOn',
      q: '低保',
      status: 'closed',
      year: 2017,
    });
    expect(codec.parse(new URLSearchParams(''))).toEqual({ page: 1, sort: 'dueOn' });
  });

  it('drops invalid values (an old or edited link still opens), and unknown keys', () => {
    expect(
      codec.parse(
        new URLSearchParams(
          'page=0&sort=nonsense&q=far-too-long-a-query&status=bogus&year=1999&flag=yes&other=1',
        ),
      ),
    ).toEqual({ page: 1, sort: 'dueOn' });
    expect(codec.parse(new URLSearchParams('year=abc&status=open'))).toEqual({
      page: 1,
      sort: 'dueOn',
      status: 'open',
    });
  });

  it('writes only set, valid, non-default values, in the schema’s order', () => {
    expect(
      codec
        .serialize({ flag: 'true', year: 2020, status: 'open', sort: '-dueOn', page: 2 })
        .toString(),
    ).toBe('page=2&sort=-dueOn&status=open&year=2020&flag=true');
    expect(codec.serialize({ page: 1, sort: 'dueOn', q: '', status: undefined }).toString()).toBe(
      '',
    );
    expect(codec.serialize({ year: 1999, status: 'bogus' as 'open', q: 'ok' }).toString()).toBe(
      'q=ok',
    );
  });

  it('round-trips any valid filters, and is a fixed point on any URL', () => {
    const filters = fc.record(
      {
        page: fc.integer({ min: 1, max: 500 }),
        sort: fc.constantFrom('dueOn' as const, '-dueOn' as const),
        q: fc.string({ minLength: 1, maxLength: 10 }),
        status: fc.constantFrom('open' as const, 'closed' as const),
        year: fc.integer({ min: 2000, max: 2100 }),
        flag: fc.constant('true' as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        const back = codec.parse(new URLSearchParams(codec.serialize(f).toString()));
        expect(back).toEqual({ page: 1, sort: 'dueOn', ...f });
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('page', 'sort', 'q', 'status', 'year', 'flag', 'other'),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('open', '2017', '1', '-dueOn')),
        ),
        (dict) => {
          const once = codec.serialize(codec.parse(new URLSearchParams(dict)));
          expect(codec.serialize(codec.parse(once)).toString()).toBe(once.toString());
          expect(once.has('other')).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
