/** A form's text as an input sends it: trimmed, and null for nothing, which clears the field. */
export const text = (value: string): string | null => value.trim() || null;

/** A create's input without its empty fields: a new node has nothing to clear. */
export const present = (input: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
