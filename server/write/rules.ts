import { z } from 'zod';

/*
 * Input rules with their reasons in Swedish: an editor sees these messages
 * beside the field they name. Text is trimmed; optional text that is empty
 * after trimming counts as "no value" and clears the field.
 */

/** A name or title: required, not blank (in an update: `.optional()`, so it may be left out but not blanked). */
export function requiredText(max = 300) {
  return z
    .string({ error: 'får inte vara tomt' })
    .trim()
    .min(1, 'får inte vara tomt')
    .max(max, `får vara högst ${max} tecken`);
}

/** Free text that may be left out; blank becomes null (cleared). */
export function optionalText(max = 4000) {
  return z
    .string()
    .trim()
    .max(max, `får vara högst ${max} tecken`)
    .nullish()
    .transform((value) => (value === '' ? null : value));
}

/** A value GraphQL lets an update leave out, but that may not be removed (null): a kind, a målområde. */
export const notNull = z.custom<unknown>((value) => value !== null, 'får inte tas bort').optional();

/** True unless a well-formed ÅÅÅÅ-MM-DD names no day (2025-02-30); the form is the regex's to judge. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, ÅÅÅÅ-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'måste vara ett datum: ÅÅÅÅ-MM-DD')
  .refine(isCalendarDate, 'finns inte i kalendern');

/** A year, month or date as documents state them: ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD. */
export const statedDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'måste vara ett år eller datum: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD')
  .refine(isCalendarDate, 'finns inte i kalendern');

/** The version of a node or link that an edit was based on. */
export const version = z.number().int().min(1, 'måste vara 1 eller mer');

/**
 * A period's end may not come before its start. Dates of the forms above
 * compare as text; a missing end means "still going".
 */
export function endNotBeforeStart<T extends Record<string, unknown>>(start: keyof T & string, end: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const a = value[start];
    const b = value[end];
    if (typeof a === 'string' && typeof b === 'string' && b < a.slice(0, b.length)) {
      ctx.addIssue({ code: 'custom', path: [end], message: `får inte vara före ${start} (${a})` });
    }
  };
}

/**
 * A list of input objects, each checked by `item`, in which `key` may appear
 * once: an actor is given one seat per forum.
 */
export function uniqueBy(key: string, message: (value: string) => string, item: z.ZodType<Record<string, unknown>> = z.looseObject({})) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((entry, index) => {
      const value = entry[key];
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index, key], message: message(String(value)) });
      seen.add(value);
    });
  });
}

/**
 * The rules of one input type, checked together so that every wrong field is
 * reported at once. Fields without rules pass through untouched (GraphQL has
 * checked their types already). Give an input type one such schema and its
 * fields none: the validation plugin stops at the first field with a failing
 * schema of its own, and never checks null values field by field.
 */
export function inputRules<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape);
}
