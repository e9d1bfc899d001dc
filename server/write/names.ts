import type { DomainType } from '../domain/ids.ts';

/** Each type's Swedish name with its article, as messages to editors use it ("det finns inte ett forum …"). */
const TYPE_NAMES: Partial<Record<DomainType, string>> = {
  Actor: 'en aktör',
  Forum: 'ett forum',
  Activity: 'en aktivitet',
  Goal: 'ett effektmål',
  TargetArea: 'ett målområde',
  OverarchingGoal: 'ett övergripande mål',
  Strategy: 'en strategi',
  PolicyDocument: 'ett styrdokument',
  Area: 'ett område',
  Collaboration: 'en samverkan',
  Assessment: 'en skattning',
  Funding: 'en finansiering',
  Change: 'en ändring',
};

export function typeName(type: DomainType): string {
  return TYPE_NAMES[type] ?? 'något';
}
