/**
 * How a seeded quote is found in its document's text: verbatim, with only what
 * the text files add to the printed page set aside. Every run of white space is
 * one space; a run that breaks a line may also be no space at all, because the
 * effektkedja tables break words across lines inside a cell
 * ("samhällsbyggnadspro / cessen", "Berednings / grupp"). A space on one line
 * stays a space: "samverkans forum", printed so in 000 and 001, is not
 * "samverkansforum". The HTML and Markdown emphasis of 002's text ("<b>",
 * "**") is markup, not print, and is dropped.
 */

/** The text as marks: each white-space run becomes "\n" where it breaks a line, " " where it does not. */
function asPrinted(text: string): string {
  return text
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replaceAll('**', '')
    .replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '))
    .trim();
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for one document's text: whether a quote is in it, as described above. */
export function quoteFinder(text: string): (quote: string) => boolean {
  const printed = asPrinted(text);
  return (quote) => {
    const chars = [...quote.replace(/\s+/g, ' ').trim()];
    if (chars.length === 0) return false;
    // A space in the quote is a space or a line break; between any two other characters a line break may hide.
    const pattern = chars.map((ch) => (ch === ' ' ? '[ \\n]' : escape(ch))).join('\\n?');
    return new RegExp(pattern, 'u').test(printed);
  };
}
