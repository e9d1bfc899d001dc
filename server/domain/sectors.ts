/** Actor kinds (DESIGN.md), and the sector each belongs to: the sector is derived, never stored. */
export const ACTOR_KINDS = [
  'KOMMUN',
  'FORVALTNING',
  'NAMND',
  'KOMMUNALT_BOLAG',
  'REGION',
  'STATLIG_MYNDIGHET',
  'CIVILSAMHALLE',
  'NARINGSLIV',
  'AKADEMI',
  'OVRIG',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const SECTORS = ['KOMMUN', 'REGION', 'STAT', 'CIVILSAMHALLE', 'NARINGSLIV', 'AKADEMI', 'OVRIG'] as const;
export type Sector = (typeof SECTORS)[number];

const SECTOR_OF: Record<ActorKind, Sector> = {
  KOMMUN: 'KOMMUN',
  FORVALTNING: 'KOMMUN',
  NAMND: 'KOMMUN',
  KOMMUNALT_BOLAG: 'KOMMUN',
  REGION: 'REGION',
  STATLIG_MYNDIGHET: 'STAT',
  CIVILSAMHALLE: 'CIVILSAMHALLE',
  NARINGSLIV: 'NARINGSLIV',
  AKADEMI: 'AKADEMI',
  OVRIG: 'OVRIG',
};

export function sectorOf(kind: ActorKind): Sector {
  return SECTOR_OF[kind];
}

/** The kinds that make up the given sectors: how a sector filter reaches the store. */
export function kindsInSectors(sectors: readonly Sector[]): ActorKind[] {
  return ACTOR_KINDS.filter((kind) => sectors.includes(SECTOR_OF[kind]));
}
