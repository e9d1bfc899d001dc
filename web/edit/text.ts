/** A form's text as an input sends it: trimmed, and null for nothing, which clears the field. */
export const text = (value: string): string | null => value.trim() || null;
