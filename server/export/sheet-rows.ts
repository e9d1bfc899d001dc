import type { NodeRow } from '../write/plan.ts';
import type { MapState } from '../import/state.ts';
import { ActorDirectory, type KnownActor } from '../import/actors.ts';
import { SHEETS, type SheetKind, type SheetSpec } from '../import/layouts.ts';
import { KIND_LABELS, LEVEL_LABELS, ROLE_LABELS, TARGET_GROUP_LABELS } from '../domain/labels.ts';
import type { ActorKind } from '../domain/sectors.ts';
import { swedish } from '../analysis/findings.ts';
import type { ForumLevel, MemberRole, TargetGroup } from '../domain/vocabulary.ts';

/*
 * The map as the templates' rows: what an export writes, cell by cell, in the
 * words an import reads back, so that exporting and importing again changes
 * nothing.
 */

export interface SheetData {
  spec: SheetSpec;
  /** The sheet's name: the template's, or (an effektkedja) its målområde's. */
  name: string;
  /** The målområde of an effektkedja sheet. */
  targetArea?: string;
  rows: Record<string, string>[];
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const byName = (a: NodeRow, b: NodeRow) => swedish.compare(text(a.name ?? a.text), text(b.name ?? b.text));

/** Excel allows 31 characters in a sheet name, and none of : \ / ? * [ ]; a cut falls between words. */
export function sheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= 31) return clean;
  const cut = clean.slice(0, 31);
  return cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : 31).trim();
}

export class MapSheets {
  private readonly actors: ActorDirectory;

  constructor(private readonly state: MapState) {
    this.actors = new ActorDirectory(state.byType('Actor') as unknown as KnownActor[]);
  }

  /** The sheets of one kind: the effektkedja has one per målområde, the others one. */
  sheets(kind: SheetKind, withData: boolean): SheetData[] {
    const spec = SHEETS[kind];
    if (kind !== 'chain') return [{ spec, name: spec.title, rows: withData ? this.rows(kind) : [] }];
    return [...this.state.byType('TargetArea')]
      .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
      .map((area) => ({ spec, name: sheetName(text(area.name)), targetArea: text(area.name), rows: withData ? this.chainRows(area.id) : [] }));
  }

  private rows(kind: Exclude<SheetKind, 'chain'>): Record<string, string>[] {
    const s = this.state;
    switch (kind) {
      case 'actors':
        return [...s.byType('Actor')].sort(byName).map((a) => ({
          name: text(a.name),
          shortName: text(a.shortName),
          kind: KIND_LABELS[a.kind as ActorKind] ?? '',
          partOf: s.ends('PART_OF', a.id, 'out').map((p) => text(s.nodes.get(p)?.name)).join(''),
        }));
      case 'forums':
        return [...s.byType('Forum')].sort(byName).map((f) => ({
          name: text(f.name),
          purpose: text(f.purpose),
          targetGroups: ((f.targetGroups ?? []) as TargetGroup[]).map((g) => TARGET_GROUP_LABELS[g]).join('\n'),
          level: f.level ? LEVEL_LABELS[f.level as ForumLevel] : '',
          meetingFrequency: text(f.meetingFrequency),
          convenor: s.ends('CONVENES', f.id, 'in').map((a) => this.actors.label(a)).join(''),
          goals: this.goalTexts(s.ends('WORKS_ON', f.id, 'out')),
          contact: text(f.contact),
        }));
      case 'members':
        return [...s.byType('Forum')].sort(byName).flatMap((f) =>
          s.ends('MEMBER_OF', f.id, 'in').map((a) => {
            const seat = s.link('MEMBER_OF', a, f.id) ?? {};
            return { forum: text(f.name), actor: this.actors.label(a), role: ROLE_LABELS[seat.role as MemberRole] ?? '', from: text(seat.from), to: text(seat.to) };
          }),
        );
    }
  }

  /** The effektkedja rows of one målområde: its activities, by the goals they lead to. */
  private chainRows(areaId: string): Record<string, string>[] {
    const s = this.state;
    const goalsOf = (activity: string) => s.ends('CONTRIBUTES_TO', activity, 'out').filter((g) => s.ends('IN_TARGET_AREA', g, 'out').includes(areaId));
    return s
      .byType('Activity')
      .filter((a) => a.kind === 'EFFEKTKEDJA' && goalsOf(a.id).length)
      .map((a) => ({ a, goals: this.goalTexts(goalsOf(a.id)) }))
      .sort((x, y) => swedish.compare(x.goals, y.goals) || text(x.a.sourceSection).localeCompare(text(y.a.sourceSection)) || byName(x.a, y.a))
      .map(({ a, goals }) => ({
        goals,
        shortTermEffect: text(a.shortTermEffect),
        output: text(a.output),
        name: text(a.name),
        responsible: [s.ends('RESPONSIBLE_FOR', a.id, 'in').map((id) => this.actors.label(id)).join(' & '), text(a.responsibleOthers)].filter(Boolean).join(', '),
        period: text(a.period),
        resources: text(a.resources),
      }));
  }

  /** Goals one to a line, as a cell of several goals is read. */
  private goalTexts(ids: string[]): string {
    return ids.map((id) => text(this.state.nodes.get(id)?.text)).sort(swedish.compare).join('\n');
  }

  /** The values of the templates' drop-down lists. */
  lists(): Record<string, string[]> {
    const s = this.state;
    return {
      roles: Object.values(ROLE_LABELS),
      levels: Object.values(LEVEL_LABELS),
      kinds: Object.values(KIND_LABELS),
      // Suggested, not enforced: a cell may name several, one to a line.
      targetGroups: Object.values(TARGET_GROUP_LABELS),
      targetAreas: s.byType('TargetArea').map((a) => text(a.name)),
      goals: [...s.byType('Goal')].sort(byName).map((g) => text(g.text)),
      actors: [...s.byType('Actor')].sort(byName).map((a) => text(a.name)),
      forums: [...s.byType('Forum')].sort(byName).map((f) => text(f.name)),
    };
  }
}
