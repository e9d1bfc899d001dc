/** Sizes for boxes that hold wrapped text, estimated so a builder can place them without measuring the page. */

/** Cytoscape's line height for card labels (the `line-height` in the card style). */
export const LINE_HEIGHT = 1.2;
/** The text on the effect chains' cards. */
export const CARD_FONT_SIZE = 11;
/** The labels under nodes in the force-laid graphs (Nätverk, Forum). */
export const NODE_FONT_SIZE = 12;
/** The smallest text on the taxonomy; it is never drawn so small that this reads under 11 px. */
export const TAXONOMY_FONT_SIZE = 13;
const GLYPH_EM = 0.55;
const PADDING = 14;

/** How many lines a text wraps to in `width` pixels at `fontSize`, from an average glyph width. */
export function wrapLines(text: string, width: number, fontSize = CARD_FONT_SIZE): number {
  const perLine = Math.max(8, Math.floor(width / (fontSize * GLYPH_EM)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used === 0) used = word.length;
    else if (used + 1 + word.length <= perLine) used += 1 + word.length;
    else {
      lines++;
      used = word.length;
    }
    // A word longer than a line is broken where it meets the edge.
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** A card's size: its width, and a height that fits its wrapped text. */
export function card(text: string, width: number, fontSize = CARD_FONT_SIZE): { width: number; height: number; textWidth: string } {
  const textWidth = width - 12;
  return { width, height: Math.round(wrapLines(text, textWidth, fontSize) * fontSize * LINE_HEIGHT + PADDING), textWidth: `${textWidth}px` };
}
