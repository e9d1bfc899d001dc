import { closest, normalize, segment } from './match.ts';

/*
 * Actors as a cell names them: by name, short name or the abbreviations the
 * effektkedjor use, one or several to a cell ("GVUF & ALF", "ALF och AF",
 * "TEK, AB-bostäder\nPolisen"), with whatever else the cell says kept as a
 * note ("SKA, samtliga förvaltningar & bolag").
 */

export interface KnownActor {
  id: string;
  name: string;
  shortName?: string | null;
}

/**
 * Between two actors in a cell: a comma, semicolon, ampersand, plus, slash or
 * line break, or the word "och"/"samt" — but not the "- och" of a shared word
 * ending ("Gymnasie- och vuxenutbildningsförvaltningen").
 */
const BETWEEN_ACTORS = /[,;&+/\n]|(?<![-\s])\s+(?:och|samt)\s+/gi;

export interface ActorCell {
  /** The actors named, in the cell's order, each once. */
  ids: string[];
  /** Names that are no known actor: the caller asks the user about them. */
  unknown: string[];
  /** What the cell says beyond the actors: from the first piece in lower case to the end. */
  note: string | null;
}

/** Every actor the import knows: the map's, the file's new ones, and names the user has resolved. */
export class ActorDirectory {
  private readonly byKey = new Map<string, string>();
  private readonly actors = new Map<string, KnownActor>();

  /** `fallback` answers for names none of the actors has: the user's resolutions. */
  constructor(
    actors: Iterable<KnownActor>,
    private readonly fallback: (key: string) => string | undefined = () => undefined,
  ) {
    for (const actor of actors) this.add(actor);
  }

  /** Makes an actor known by its name and short name; a name already taken keeps its first owner. */
  add(actor: KnownActor): void {
    this.actors.set(actor.id, actor);
    for (const text of [actor.name, actor.shortName]) this.alias(text, actor.id);
  }

  /** Makes `text` a name of the actor `id` (a resolution the user made). */
  alias(text: string | null | undefined, id: string): void {
    const key = text ? normalize(text) : '';
    if (key && !this.byKey.has(key)) this.byKey.set(key, id);
  }

  find(text: string): string | undefined {
    const key = normalize(text);
    return this.byKey.get(key) ?? this.fallback(key);
  }

  get(id: string): KnownActor | undefined {
    return this.actors.get(id);
  }

  /** The actor's short name, or its name: how an export writes it in a cell. */
  label(id: string): string {
    const actor = this.actors.get(id);
    return actor?.shortName || actor?.name || id;
  }

  /** The known actors most like `text`, for a user to choose from. */
  candidates(text: string): KnownActor[] {
    const list = [...this.actors.values()].map((a) => ({ ...a, texts: [a.name, ...(a.shortName ? [a.shortName] : [])] }));
    return closest(text, list).map(({ texts: _texts, ...actor }) => actor);
  }

  /** Reads a cell that names actors. */
  read(cell: string): ActorCell {
    const result: ActorCell = { ids: [], unknown: [], note: null };
    for (const part of segment(cell, BETWEEN_ACTORS, (text) => this.find(text))) {
      if (part.match) {
        if (!result.ids.includes(part.match)) result.ids.push(part.match);
      } else if (/^\p{Ll}/u.test(part.text)) {
        // A description, not a name ("berörda förvaltningar …"): it and the rest of the cell are the note.
        result.note = cell.slice(part.start).replace(/\s+/g, ' ').trim();
        break;
      } else result.unknown.push(part.text.replace(/\s+/g, ' '));
    }
    return result;
  }
}
