import { createHash } from 'node:crypto';
import type { RefinementCtx, ZodType } from 'zod';
import type { RelationshipType } from '../store/graph-schema.ts';
import { type DomainType, newId, typeOfId } from '../domain/ids.ts';
import type { ActorKind } from '../domain/sectors.ts';
import type { NodeRow } from '../write/plan.ts';
import type { LinkRow, Props } from '../write/node-writes.ts';
import { ValidationError } from '../write/refusals.ts';
import { endNotBeforeStart } from '../write/rules.ts';
import { ACTIVITY_FIELDS, ACTOR_FIELDS, FORUM_FIELDS } from '../write/field-rules.ts';
import { type MapState, linkKey } from './state.ts';
import type { Table } from './tables.ts';
import type { ImportIssue } from './issues.ts';
import { RowReader } from './cells.ts';
import { ActorDirectory, type KnownActor } from './actors.ts';
import { GoalDirectory } from './goals.ts';
import { normalize } from './match.ts';
import { KIND_LABELS, LEVEL_LABELS, listInSwedish, ROLE_LABELS, TARGET_GROUP_LABELS } from '../domain/labels.ts';
import { SHEETS, type SheetKind } from './layouts.ts';

/*
 * What an import would do: each row matched to the map and turned into the
 * nodes, properties and links to write, without writing anything. The dry run
 * shows this plan; applying it writes exactly it (apply.ts).
 */

/** The user's answer for a name that matched no actor: an existing actor, or a new one of a kind. */
export interface Resolution {
  name: string;
  actorId?: string | null;
  newActorKind?: ActorKind | null;
}

export type RowAction = 'CREATE' | 'UPDATE' | 'LINK' | 'UNCHANGED' | 'UNRESOLVED' | 'ERROR';

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface RowPlan {
  sheet: string;
  row: number;
  kind: SheetKind;
  /** What the row is about: a name, or "forum – aktör" for a seat. */
  subject: string;
  action: RowAction;
  changes: FieldChange[];
  /** The links the row adds, in words: "Ansvar: ALF". */
  links: string[];
  /** Names in the row that match no actor yet. */
  unresolved: string[];
}

export interface UnknownActor {
  name: string;
  places: { sheet: string; row: number; column: string }[];
  candidates: KnownActor[];
}

export interface NodeCreate { type: DomainType; id: string; props: Props }
export interface NodeUpdate { type: DomainType; id: string; version: number; props: Props; before: Props }
export interface LinkUpdate extends LinkRow { version: number; before: Props }

export interface ImportWrites {
  creates: NodeCreate[];
  updates: NodeUpdate[];
  links: LinkRow[];
  linkUpdates: LinkUpdate[];
  /** A forum's sammankallande replaced: the old CONVENES link goes. */
  convenors: { forum: string; actor: string; was: string | null }[];
}

export interface ImportPlan {
  rows: RowPlan[];
  issues: ImportIssue[];
  unknownActors: UnknownActor[];
  writes: ImportWrites;
  /** A digest of the versions the plan was made from: the same value later means nothing it read has changed. */
  basis: string;
}

/** Text equal but for spacing and line breaks counts as unchanged. */
const sameText = (a: unknown, b: unknown) => String(a ?? '').replace(/\s+/g, ' ').trim() === String(b ?? '').replace(/\s+/g, ' ').trim();

/** Fields a row sets that have no column of their own. */
const FIELD_NAMES: Record<string, string> = { responsibleOthers: 'Ansvar (anteckning)' };

const header = (kind: SheetKind, key: string) => SHEETS[kind].columns.find((c) => c.key === key)!.header;

export function planImport(tables: Table[], state: MapState, options: { source: string; resolutions?: Resolution[] }): ImportPlan {
  const planner = new Planner(state, options.source);
  planner.resolve(options.resolutions ?? []);
  const of = (kind: SheetKind) => tables.filter((t) => t.kind === kind);
  planner.actors(of('actors'));
  for (const table of of('forums')) planner.forums(table);
  for (const table of of('members')) planner.members(table);
  for (const table of of('chain')) planner.chain(table);
  return planner.result();
}

class Planner {
  readonly rows: RowPlan[] = [];
  readonly issues: ImportIssue[] = [];
  private readonly unknown = new Map<string, UnknownActor>();
  private readonly writes: ImportWrites = { creates: [], updates: [], links: [], linkUpdates: [], convenors: [] };
  private readonly planned = new Set<string>();
  /** What the plan compared with, as `id@version`: its basis. */
  private readonly read = new Set<string>();
  private readonly directory: ActorDirectory;
  private readonly goals: GoalDirectory;
  /** The map's activities by normalized name. */
  private readonly activityIds = new Map<string, string>();
  /** Forums by normalized name: the map's, then the file's. */
  private readonly forumIds = new Map<string, string>();
  /** The user's resolutions by normalized name, and the ones a row has used. */
  private readonly resolved = new Map<string, { id: string; create?: Props }>();
  private readonly used = new Set<string>();
  /** Names the file's rows have used, by kind: a second row for the same one is an error. */
  private readonly seen = new Map<string, { sheet: string; row: number }>();

  constructor(
    private readonly state: MapState,
    private readonly source: string,
  ) {
    this.directory = new ActorDirectory(state.byType('Actor') as unknown as KnownActor[], (key) => this.resolution(key));
    this.goals = new GoalDirectory(
      state.byType('Goal').map((g) => ({ id: g.id, text: String(g.text), targetArea: state.ends('IN_TARGET_AREA', g.id, 'out')[0] ?? null })),
    );
    for (const forum of state.byType('Forum')) this.forumIds.set(normalize(String(forum.name)), forum.id);
    for (const activity of state.byType('Activity')) this.activityIds.set(normalize(String(activity.name)), activity.id);
  }

  /**
   * The user's answers for unknown names; an answer naming no actor is refused
   * before anything is planned. A new actor is made only where a row still
   * needs it (a second import of the same file finds the one the first made).
   */
  resolve(resolutions: Resolution[]): void {
    const problems: { path: string; message: string }[] = [];
    resolutions.forEach((r, i) => {
      const key = normalize(r.name);
      if (!!r.actorId === !!r.newActorKind) {
        problems.push({ path: `resolutions.${i}`, message: 'ange antingen actorId (en befintlig aktör) eller newActorKind (en ny aktör)' });
      } else if (r.actorId) {
        const actor = this.state.nodes.get(r.actorId);
        if (!actor || typeOfId(r.actorId) !== 'Actor') problems.push({ path: `resolutions.${i}.actorId`, message: `det finns inte en aktör med id ${r.actorId}` });
        else this.resolved.set(key, { id: actor.id });
      } else {
        const name = r.name.replace(/\s+/g, ' ').trim();
        this.resolved.set(key, { id: newId('Actor'), create: { name, kind: r.newActorKind, ...this.sourceOf(null) } });
      }
    });
    if (problems.length) throw new ValidationError(problems);
  }

  /** A resolved name's actor, made part of the plan the first time a row uses it. */
  private resolution(key: string): string | undefined {
    const r = this.resolved.get(key);
    if (!r) return undefined;
    if (!this.used.has(r.id)) {
      this.used.add(r.id);
      if (r.create) {
        this.writes.creates.push({ type: 'Actor', id: r.id, props: r.create });
        this.directory.add({ id: r.id, name: String(r.create.name) });
      }
      else this.nodeOf(r.id);
    }
    return r.id;
  }

  actors(tables: Table[]): void {
    // Every name first, so that "Del av" and the other sheets may name an actor of any row.
    const readers = tables.flatMap((table) => table.rows.map((row) => ({ table, reader: new RowReader(table, row, this.issues) })));
    const planned = readers.map(({ table, reader }) => {
      const name = this.requiredName(reader, ACTOR_FIELDS.name);
      const plan = this.rowPlan(reader, 'actors', name ?? '');
      if (name === null || this.repeated('actors', name, reader)) return null;
      const shortName = reader.text('shortName', ACTOR_FIELDS.shortName);
      const kind = reader.choice('kind', KIND_LABELS, 'aktörstyp');
      const existing = this.nodeOf(this.directory.find(name) ?? (shortName ? this.directory.find(shortName) : undefined));
      if (!existing && kind === null && reader.ok) reader.fail('kind', `måste anges för en ny aktör; välj ${listInSwedish(Object.values(KIND_LABELS))}`);
      if (!reader.ok) return null;
      const id = this.node('Actor', plan, existing, { name: existing ? undefined : name, shortName, kind }, reader, table);
      this.directory.add({ id, name, shortName });
      return { reader, plan, id };
    });
    for (const entry of planned) {
      if (!entry) continue;
      const parent = entry.reader.text('partOf');
      if (parent === null) continue;
      const actor = this.singleActor(entry.reader, entry.plan, 'partOf', parent);
      if (actor) this.link(entry.plan, 'PART_OF', entry.id, actor, {}, `Del av: ${this.directory.label(actor)}`);
    }
    for (const entry of planned) if (entry) this.finish(entry.plan, entry.reader);
  }

  forums(table: Table): void {
    for (const row of table.rows) {
      const reader = new RowReader(table, row, this.issues);
      const name = this.requiredName(reader, FORUM_FIELDS.name);
      const plan = this.rowPlan(reader, 'forums', name ?? '');
      if (name === null || this.repeated('forums', name, reader)) {
        this.finish(plan, reader);
        continue;
      }
      const existing = this.nodeOf(this.forumIds.get(normalize(name)));
      const props = {
        purpose: reader.text('purpose', FORUM_FIELDS.purpose),
        targetGroups: reader.choices('targetGroups', TARGET_GROUP_LABELS, 'målgrupp'),
        level: reader.choice('level', LEVEL_LABELS, 'nivå'),
        meetingFrequency: reader.text('meetingFrequency', FORUM_FIELDS.meetingFrequency),
        contact: reader.text('contact', FORUM_FIELDS.contact),
      };
      const convenorText = reader.text('convenor');
      const convenor = convenorText === null ? null : this.singleActor(reader, plan, 'convenor', convenorText);
      const goals = this.goalsIn(reader, 'goals', null);
      // The name is known from here on, so that Medlemmar rows find it even when this row is wrong.
      const id = existing?.id ?? newId('Forum');
      this.forumIds.set(normalize(name), id);
      if (!reader.ok) {
        this.finish(plan, reader);
        continue;
      }
      const was = existing ? (this.state.ends('CONVENES', existing.id, 'in')[0] ?? null) : null;
      const replaced = existing && convenor && convenor !== was;
      if (replaced) {
        this.writes.convenors.push({ forum: existing.id, actor: convenor, was });
        plan.changes.push({ field: header('forums', 'convenor'), before: was && this.directory.label(was), after: this.directory.label(convenor) });
      }
      this.node('Forum', plan, existing, { name: existing ? undefined : name, ...props }, reader, table, id, !!replaced);
      if (convenor && !existing) this.link(plan, 'CONVENES', convenor, id, {}, `Sammankallande: ${this.directory.label(convenor)}`);
      for (const goal of goals) this.link(plan, 'WORKS_ON', id, goal, {}, `Effektmål: ${this.goalText(goal)}`);
      this.finish(plan, reader);
    }
  }

  members(table: Table): void {
    for (const row of table.rows) {
      const reader = new RowReader(table, row, this.issues);
      const forumName = reader.text('forum');
      const actorText = reader.text('actor');
      const role = reader.choice('role', ROLE_LABELS, 'roll');
      const from = reader.date('from');
      const to = reader.date('to');
      const plan = this.rowPlan(reader, 'members', `${forumName ?? '?'} – ${actorText ?? '?'}`);
      for (const key of ['forum', 'actor', 'role'] as const) {
        if (reader.row.cells[key] === null || reader.row.cells[key] === undefined) reader.fail(key, 'måste fyllas i');
      }
      this.seatPeriod(reader, from, to);
      const forum = forumName === null ? undefined : this.forumIds.get(normalize(forumName));
      if (forumName !== null && !forum) reader.fail('forum', `'${forumName}' står varken i bladet Forum eller i kartan`);
      const actor = actorText === null ? null : this.singleActor(reader, plan, 'actor', actorText);
      if (forum && actor) this.repeated('members', `${forum} ${actor}`, reader);
      if (!reader.ok || !forum || !actor || !role) {
        this.finish(plan, reader);
        continue;
      }
      const seat: Props = { role, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const current = this.state.link('MEMBER_OF', actor, forum);
      const label = `${this.directory.label(actor)} (${ROLE_LABELS[role]})`;
      if (!current) this.link(plan, 'MEMBER_OF', actor, forum, { ...seat, version: 1 }, `Medlem: ${label}`);
      else {
        const version = Number(current.version ?? 1);
        this.read.add(`${linkKey('MEMBER_OF', actor, forum)}@${version}`);
        const changed = Object.keys(seat).filter((k) => !sameText(seat[k], current[k]));
        if (changed.length) {
          this.writes.linkUpdates.push({
            type: 'MEMBER_OF', from: actor, to: forum, version,
            props: Object.fromEntries(changed.map((k) => [k, seat[k]])),
            before: Object.fromEntries(changed.map((k) => [k, current[k] ?? null])),
          });
          for (const k of changed) plan.changes.push({ field: header('members', k), before: this.shown(k, current[k]), after: this.shown(k, seat[k]) });
        }
      }
      this.finish(plan, reader);
    }
  }

  chain(table: Table): void {
    const sheetArea = this.targetAreaOf(table.sheet);
    if (!sheetArea && !table.headers.has('targetArea')) {
      this.issues.push({ sheet: table.sheet, row: null, column: null, message: `bladets namn är inget målområde; döp bladet efter ett av ${this.targetAreaNames()}` });
      return;
    }
    for (const row of table.rows) {
      const reader = new RowReader(table, row, this.issues);
      const areaText = reader.text('targetArea');
      const area = areaText === null ? sheetArea : this.targetAreaOf(areaText);
      if (!area) reader.fail('targetArea', areaText === null ? `måste anges: bladet har inget målområdes namn` : `'${areaText}' är inget målområde; välj ${this.targetAreaNames()}`);
      const name = this.requiredName(reader, ACTIVITY_FIELDS.name);
      const plan = this.rowPlan(reader, 'chain', name ?? '');
      const props = {
        output: reader.text('output', ACTIVITY_FIELDS.output),
        shortTermEffect: reader.text('shortTermEffect', ACTIVITY_FIELDS.shortTermEffect),
        period: reader.text('period', ACTIVITY_FIELDS.period),
        resources: reader.text('resources', ACTIVITY_FIELDS.resources),
      };
      const goals = area ? this.goalsIn(reader, 'goals', area) : [];
      const responsibleText = reader.text('responsible');
      const responsible = responsibleText === null ? null : this.actorsIn(reader, plan, 'responsible', responsibleText);
      const note = responsible?.note ? ACTIVITY_FIELDS.responsibleOthers.safeParse(responsible.note) : null;
      if (note && !note.success) reader.fail('responsible', note.error.issues[0]!.message);
      if (name === null || this.repeated('chain', name, reader) || !reader.ok) {
        this.finish(plan, reader);
        continue;
      }
      const existing = this.nodeOf(this.activityByName(name));
      const id = this.node('Activity', plan, existing, {
        name: existing ? undefined : name,
        kind: existing ? undefined : 'EFFEKTKEDJA',
        ...props,
        responsibleOthers: note?.success ? note.data : null,
      }, reader, table);
      for (const actor of responsible?.ids ?? []) this.link(plan, 'RESPONSIBLE_FOR', actor, id, {}, `Ansvar: ${this.directory.label(actor)}`);
      for (const goal of goals) this.link(plan, 'CONTRIBUTES_TO', id, goal, {}, `Effektmål: ${this.goalText(goal)}`);
      this.finish(plan, reader);
    }
  }

  result(): ImportPlan {
    const basis = createHash('sha256').update([...this.read].sort().join('\n')).digest('hex').slice(0, 32);
    return { rows: this.rows, issues: this.issues, unknownActors: [...this.unknown.values()], writes: this.writes, basis };
  }

  // — the pieces —

  /** A seat's end may not come before its start: the rule the forum form's seats follow (write/rules.ts). */
  private seatPeriod(reader: RowReader, from: string | null, to: string | null): void {
    const [start, end] = [reader.column('from'), reader.column('to')];
    const check = endNotBeforeStart<Record<string, string | null>>(start, end);
    check({ [start]: from, [end]: to }, { addIssue: (issue: { message?: string }) => reader.fail('to', issue.message ?? '') } as unknown as RefinementCtx);
  }

  /** The row's name: what it is matched by, so a row without one is an error. */
  private requiredName(reader: RowReader, rule: ZodType<string | null | undefined>): string | null {
    if (reader.row.cells.name === null || reader.row.cells.name === undefined || String(reader.row.cells.name).trim() === '') {
      return reader.fail('name', 'måste fyllas i: raden har inget namn');
    }
    return reader.text('name', rule);
  }

  private rowPlan(reader: RowReader, kind: SheetKind, subject: string): RowPlan {
    const plan: RowPlan = { sheet: reader.row.sheet, row: reader.row.row, kind, subject, action: 'UNCHANGED', changes: [], links: [], unresolved: [] };
    this.rows.push(plan);
    return plan;
  }

  /** Sets the row's action from what it does; a row with a wrong cell is an error whatever else it says. */
  private finish(plan: RowPlan, reader: RowReader): void {
    if (!reader.ok) plan.action = 'ERROR';
    else if (plan.unresolved.length) plan.action = 'UNRESOLVED';
    else if (plan.action === 'CREATE') return;
    else if (plan.changes.length) plan.action = 'UPDATE';
    else if (plan.links.length) plan.action = 'LINK';
  }

  private nodeOf(id: string | undefined): NodeRow | undefined {
    const node = id ? this.state.nodes.get(id) : undefined;
    if (node) this.read.add(`${node.id}@${node.version}`);
    return node;
  }

  /**
   * Plans a node: a new one with the row's values, or the values that differ
   * on an existing one (a blank cell changes nothing). `touched` counts its
   * version up even when no property changes (its convenor did).
   */
  private node(type: DomainType, plan: RowPlan, existing: NodeRow | undefined, values: Props, reader: RowReader, table: Table, id?: string, touched = false): string {
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
    const column = (key: string) => FIELD_NAMES[key] ?? reader.column(key);
    if (!existing) {
      const created = id ?? newId(type);
      this.writes.creates.push({ type, id: created, props: { ...given, ...this.sourceOf(plan, table) } });
      plan.action = 'CREATE';
      plan.changes.push(...Object.entries(given).filter(([k]) => k !== 'kind' || type === 'Actor').map(([k, v]) => ({ field: column(k), before: null, after: this.shown(k, v) })));
      return created;
    }
    const changed = Object.keys(given).filter((k) => !sameText(given[k], existing[k]));
    if (changed.length || touched) {
      this.writes.updates.push({
        type,
        id: existing.id,
        version: existing.version,
        props: Object.fromEntries(changed.map((k) => [k, given[k]])),
        before: Object.fromEntries(changed.map((k) => [k, existing[k] ?? null])),
      });
      plan.changes.push(...changed.map((k) => ({ field: column(k), before: this.shown(k, existing[k]), after: this.shown(k, given[k]) })));
    }
    return existing.id;
  }

  /** Where a new node came from: this file, its sheet and row. */
  private sourceOf(plan: RowPlan | null, table?: Table): Props {
    return { sourceDocument: this.source, sourceSection: plan && table ? `${table.sheet}, rad ${plan.row}` : null };
  }

  private link(plan: RowPlan, type: RelationshipType, from: string, to: string, props: Props, description: string): void {
    const key = linkKey(type, from, to);
    if (this.state.link(type, from, to) || this.planned.has(key)) return;
    this.planned.add(key);
    this.writes.links.push({ type, from, to, props });
    plan.links.push(description);
  }

  /** A value as the preview shows it: a role by its Swedish name, and so on. */
  private shown(key: string, value: unknown): string | null {
    if (value === null || value === undefined) return null;
    const labels: Record<string, Record<string, string>> = { role: ROLE_LABELS, level: LEVEL_LABELS, kind: KIND_LABELS, targetGroups: TARGET_GROUP_LABELS };
    if (Array.isArray(value)) return value.map((v) => labels[key]?.[String(v)] ?? String(v)).join(', ');
    return labels[key]?.[String(value)] ?? String(value);
  }

  /** True, with an error on the row, when an earlier row of the file already named the same one. */
  private repeated(kind: SheetKind, name: string, reader: RowReader): boolean {
    const key = `${kind} ${normalize(name)}`;
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { sheet: reader.row.sheet, row: reader.row.row });
      return false;
    }
    const where = first.sheet === reader.row.sheet ? `rad ${first.row}` : `bladet ${first.sheet} rad ${first.row}`;
    const column = kind === 'members' ? 'actor' : 'name';
    reader.fail(column, kind === 'members' ? `aktören står redan i forumet på ${where}` : `'${name}' står redan på ${where}`);
    return true;
  }

  /** The actors a cell names; unknown names go to the user (the row is planned without them). */
  private actorsIn(reader: RowReader, plan: RowPlan, key: string, text: string) {
    const cell = this.directory.read(text);
    for (const name of cell.unknown) {
      const entry = this.unknown.get(normalize(name)) ?? { name, places: [], candidates: this.directory.candidates(name) };
      entry.places.push({ sheet: reader.row.sheet, row: reader.row.row, column: reader.column(key) });
      this.unknown.set(normalize(name), entry);
      plan.unresolved.push(name);
    }
    return cell;
  }

  /** A cell that names exactly one actor. */
  private singleActor(reader: RowReader, plan: RowPlan, key: string, text: string): string | null {
    const whole = this.directory.find(text);
    if (whole) return whole;
    const cell = this.actorsIn(reader, plan, key, text);
    if (cell.ids.length + cell.unknown.length > 1 || cell.note) return reader.fail(key, `'${text}' ska vara en enda aktör`);
    return cell.ids[0] ?? null;
  }

  private goalsIn(reader: RowReader, key: string, targetArea: string | null): string[] {
    const text = reader.text(key);
    if (text === null) return [];
    const cell = this.goals.read(text, targetArea);
    for (const unknown of cell.unknown) {
      const other = targetArea ? this.goals.elsewhere(unknown) : undefined;
      const near = this.goals.candidates(unknown, targetArea);
      reader.fail(
        key,
        other
          ? `'${unknown}' hör till ett annat målområde än bladets`
          : `'${unknown}' är inget effektmål${targetArea ? ' i målområdet' : ''}${near.length ? `; menar du '${near[0]!.text}'?` : ''}`,
      );
    }
    return cell.ids;
  }

  private goalText(id: string): string {
    return String(this.state.nodes.get(id)?.text ?? id);
  }

  private activityByName(name: string): string | undefined {
    return this.activityIds.get(normalize(name));
  }

  /** A målområde by its name, or by the start of it (a sheet name holds 31 characters at most). */
  private targetAreaOf(text: string): string | undefined {
    const wanted = normalize(text);
    const areas = this.state.byType('TargetArea');
    const exact = areas.find((a) => normalize(String(a.name)) === wanted);
    if (exact) return exact.id;
    const near = areas.filter((a) => {
      const name = normalize(String(a.name));
      return Math.min(name.length, wanted.length) >= 8 && (name.startsWith(wanted) || wanted.startsWith(name));
    });
    return near.length === 1 ? near[0]!.id : undefined;
  }

  private targetAreaNames(): string {
    return listInSwedish(this.state.byType('TargetArea').map((a) => `'${String(a.name)}'`));
  }
}

