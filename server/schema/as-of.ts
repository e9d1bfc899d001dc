import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { isoDate } from '../write/rules.ts';
import { today } from '../domain/days.ts';

/*
 * The map as of a day: every list, lookup and report takes `asOf` and answers
 * with what held that day (facts whose validity covers it, assessments made by
 * then). Rows read as of a day carry it (loaders.ts), so the lists below them
 * are read as of the same day.
 */

builder.scalarType('Date', {
  description: 'A calendar day, ÅÅÅÅ-MM-DD.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    const day = isoDate.safeParse(value);
    if (!day.success) {
      throw new GraphQLError(`asOf: måste vara ett datum i kalendern, ÅÅÅÅ-MM-DD (var ${JSON.stringify(value)})`, {
        extensions: { code: 'BAD_USER_INPUT', field: 'asOf' },
      });
    }
    return day.data;
  },
});

export const AS_OF_DESCRIPTION = 'The day to read the map as of (ÅÅÅÅ-MM-DD); today when left out.';

/** The `asOf` argument every list, lookup and report takes. */
export const asOfArg = { type: 'Date', required: false, description: AS_OF_DESCRIPTION } as const;

/** The day asked for, or today. */
export function dayAsked(asOf: string | null | undefined): string {
  return asOf ?? today();
}
