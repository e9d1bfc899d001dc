import { isoDate, optionalText, requiredText, statedDate } from './rules.ts';

/*
 * The rules of each editable field, by type: one place for the limits that
 * the GraphQL inputs and the spreadsheet import both check, so a value the
 * web form refuses is refused by an import too, with the same message.
 */

export const ACTOR_FIELDS = { name: requiredText(), shortName: optionalText(40) };

export const FORUM_FIELDS = {
  name: requiredText(),
  purpose: optionalText(),
  meetingFrequency: optionalText(200),
  contact: optionalText(300),
};

export const ACTIVITY_FIELDS = {
  name: requiredText(500),
  output: optionalText(),
  shortTermEffect: optionalText(),
  period: optionalText(200),
  resources: optionalText(),
  responsibleOthers: optionalText(1000),
};

/** A seat's dates; the end not before the start is checked on the pair. */
export const SEAT_FIELDS = { from: isoDate.nullish(), to: isoDate.nullish() };

/**
 * When a forum, activity or collaboration held: a year, month or date as
 * stated; none is "as long as the map knows". The end not before the start is
 * checked on the pair.
 */
export const VALIDITY_FIELDS = { validFrom: statedDate.nullish(), validTo: statedDate.nullish() };
