import type { GraphStore } from '../store/port.ts';
import { type DomainType, typeOfId } from '../domain/ids.ts';
import { type Author, WritePlan } from '../write/plan.ts';
import { addLinks } from '../write/node-writes.ts';
import { ValidationError } from '../write/refusals.ts';
import type { ImportPlan } from './plan.ts';

/** The statement that creates nodes of each type an import makes, from rows [{id, props}]. */
const CREATE: Partial<Record<DomainType, string>> = {
  Actor: 'actor/upsert-actors',
  Forum: 'forum/upsert-forums',
  Activity: 'activity/upsert-activities',
};

export interface ImportedFile {
  name: string;
  sha256: string;
}

/**
 * Writes a plan in one transaction, as one Change naming the file: all of it
 * or nothing. Every node it updates must still be at the version the plan
 * read, and every seat too; otherwise a ConflictError says who changed it.
 */
export async function applyImport(store: GraphStore, plan: ImportPlan, file: ImportedFile, author: Author): Promise<void> {
  const { creates, updates, links, linkUpdates, convenors } = plan.writes;
  const write = new WritePlan('importSpreadsheet', author);
  const created = new Set(creates.map((c) => c.id));
  write.expectVersions(updates.map((u) => ({ id: u.id, type: u.type, version: u.version, field: 'file' })));
  // What the new links point at must still be there: the write locks it until it commits.
  const targets = [...new Set(links.flatMap((l) => [l.from, l.to]))].filter((id) => !created.has(id));
  write.expectVersions(targets.map((id) => ({ id, type: typeOfId(id)!, field: 'file' })));
  for (const [type, query] of Object.entries(CREATE)) {
    const rows = creates.filter((c) => c.type === type).map(({ id, props }) => ({ id, props }));
    if (rows.length) write.add({ query, params: { rows } });
  }
  if (updates.length) {
    const updated = write.add({ query: 'node/update-nodes', params: { rows: updates.map(({ id, version, props }) => ({ id, version, props })) } });
    write.check((results) => {
      // The locks above make this unreachable; it keeps the version check in the statement meaningful.
      if (updated(results).length !== updates.length) throw new ValidationError([{ path: 'file', message: 'kartan ändrades under inläsningen' }]);
    });
  }
  for (const { forum, was } of convenors) if (was) write.add({ query: 'link/unlink-into', params: { type: 'CONVENES', to: forum } });
  addLinks(write, [...links, ...convenors.map(({ forum, actor }) => ({ type: 'CONVENES', from: actor, to: forum, props: {} }))]);
  for (const seat of linkUpdates) {
    write.expectLink({ type: seat.type, from: seat.from, to: seat.to }, 'file', seat.version);
    write.add({ query: 'link/update-link', params: { type: seat.type, from: seat.from, to: seat.to, version: seat.version, props: seat.props } });
  }
  write.record(() => ({
    subjects: [...creates.map((c) => c.id), ...updates.map((u) => u.id), ...links.flatMap((l) => [l.from, l.to]), ...linkUpdates.flatMap((l) => [l.from, l.to])],
    versioned: [...creates.map((c) => c.id), ...updates.map((u) => u.id)],
    before: {
      file,
      updated: updates.map((u) => ({ id: u.id, ...u.before })),
      seats: linkUpdates.map((l) => ({ from: l.from, to: l.to, ...l.before })),
      convenors: convenors.filter((c) => c.was).map((c) => ({ forum: c.forum, actor: c.was })),
    },
    after: {
      file,
      created: creates,
      updated: updates.map((u) => ({ id: u.id, ...u.props })),
      links,
      seats: linkUpdates.map((l) => ({ from: l.from, to: l.to, ...l.props })),
      convenors: convenors.map((c) => ({ forum: c.forum, actor: c.actor })),
    },
  }));
  await write.run(store);
}
