import { closest, normalize, segment, type Segment } from './match.ts';

/*
 * Effektmål as a cell states them: by their text, tolerant of line breaks and
 * spacing. A cell may hold several goals, one to a line (or after bullets or
 * semicolons); a goal whose text wraps over several lines is still one goal.
 */

export interface KnownGoal {
  id: string;
  text: string;
  targetArea: string | null;
}

const BETWEEN_GOALS = /\n|;|•/g;

export interface GoalCell {
  ids: string[];
  /** Text that is no effektmål (of the målområde, where one is given). */
  unknown: string[];
}

export class GoalDirectory {
  private readonly byText = new Map<string, KnownGoal>();

  constructor(private readonly goals: KnownGoal[]) {
    for (const goal of goals) this.byText.set(normalize(goal.text), goal);
  }

  /** Reads a cell of goals; with a målområde, only its goals count. */
  read(cell: string, targetArea: string | null = null): GoalCell {
    const find = (text: string) => {
      const goal = this.byText.get(normalize(text.replace(/^[-–*]\s+/, '')));
      return goal && (targetArea === null || goal.targetArea === targetArea) ? goal.id : undefined;
    };
    const result: GoalCell = { ids: [], unknown: [] };
    let unmatched: Segment<string>[] = [];
    const flush = () => {
      if (unmatched.length) result.unknown.push(unmatched.map((s) => s.text).join(' ').replace(/\s+/g, ' '));
      unmatched = [];
    };
    for (const part of segment(cell, BETWEEN_GOALS, find)) {
      if (!part.match) {
        unmatched.push(part);
        continue;
      }
      flush();
      if (!result.ids.includes(part.match)) result.ids.push(part.match);
    }
    flush();
    return result;
  }

  /** The goals (of the målområde) most like `text`. */
  candidates(text: string, targetArea: string | null = null): KnownGoal[] {
    const pool = this.goals.filter((g) => targetArea === null || g.targetArea === targetArea).map((g) => ({ ...g, texts: [g.text] }));
    return closest(text, pool, 2, 0.5);
  }

  /** A goal of another målområde with this text, if there is one: a message can say so. */
  elsewhere(text: string): KnownGoal | undefined {
    return this.byText.get(normalize(text));
  }
}
