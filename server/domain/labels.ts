import type { ActorKind } from './sectors.ts';
import type { ForumLevel, MemberRole, TargetGroup } from './vocabulary.ts';

/*
 * The Swedish words a spreadsheet uses for the domain's closed vocabularies:
 * what the templates' drop-down lists offer, what an export writes and what
 * an import reads back (the code itself, LEDAMOT, is read too).
 */

export const ROLE_LABELS: Record<MemberRole, string> = {
  ORDFORANDE: 'Ordförande',
  SAMMANKALLANDE: 'Sammankallande',
  LEDAMOT: 'Ledamot',
  ADJUNGERAD: 'Adjungerad',
};

export const LEVEL_LABELS: Record<ForumLevel, string> = {
  STRATEGISK: 'Strategisk',
  TAKTISK: 'Taktisk',
  OPERATIV: 'Operativ',
};

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  BARN_OCH_UNGA: 'Barn och unga',
  UNGA_VUXNA: 'Unga vuxna',
  VUXNA: 'Vuxna',
  ALDRE: 'Äldre',
  FAMILJER: 'Familjer',
  HELA_BEFOLKNINGEN: 'Hela befolkningen',
  YRKESVERKSAMMA: 'Yrkesverksamma',
};

export const KIND_LABELS: Record<ActorKind, string> = {
  KOMMUN: 'Kommun',
  FORVALTNING: 'Förvaltning',
  NAMND: 'Nämnd',
  KOMMUNALT_BOLAG: 'Kommunalt bolag',
  REGION: 'Region',
  STATLIG_MYNDIGHET: 'Statlig myndighet',
  CIVILSAMHALLE: 'Civilsamhälle',
  NARINGSLIV: 'Näringsliv',
  AKADEMI: 'Akademi',
  OVRIG: 'Övrig',
};

/** "A, B, C eller D": how a message lists the values to choose from. */
export function listInSwedish(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} eller ${values.at(-1)}`;
}
