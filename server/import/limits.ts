/**
 * How much an import reads: enough for a city's inventory with room to spare
 * (a 5,000-row effektkedja is well under a megabyte), and small enough that a
 * mistaken or hostile file cannot take the server's memory.
 */
export const IMPORT_LIMITS = {
  /** The uploaded file. */
  bytes: 10 * 1024 * 1024,
  /** What an XLSX file may unpack to, in all: a zip bomb is refused before it is unpacked. */
  unzippedBytes: 100 * 1024 * 1024,
  /** How much larger one big packed part (over 10 MB unpacked) may grow: real sheets stay far below it. */
  packingRatio: 1000,
  sheets: 40,
  rowsPerSheet: 20_000,
  columns: 40,
  /** Excel's own limit for one cell; each column has its own, smaller one. */
  cellChars: 32_767,
} as const;

/** "10 MB": a limit as a message names it. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
