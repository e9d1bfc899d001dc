import { sv } from '../i18n/sv.ts';
import { text } from './text.ts';

/** An activity as it is read for its row of the effektkedja: every link by id, and the version to give back. */
export interface EditableActivity {
  id: string;
  name: string;
  kind: string;
  output: string | null;
  shortTermEffect: string | null;
  period: string | null;
  resources: string | null;
  version: number;
  responsible: { id: string }[];
  goals: { id: string }[];
  strategies: { id: string }[];
  areas: { id: string }[];
  forums: { id: string }[];
  policyDocuments: { id: string }[];
}

/** A row of the effektkedja as its cells hold it: texts as typed, links as ids. The keys are the mutation's, so its field errors land in their cells. */
export interface ActivityDraft {
  name: string;
  kind: string;
  output: string;
  shortTermEffect: string;
  /** Tid: from–to dates or a text ("2025–2027", "hösten 2025"). */
  period: string;
  resources: string;
  responsibleIds: string[];
  goalIds: string[];
  strategyIds: string[];
  areaIds: string[];
  forumIds: string[];
  policyDocumentIds: string[];
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

/** A new row serves the målområde it is added in: its first effektmål is given. */
export const emptyActivityDraft = (goalIds: string[] = []): ActivityDraft => ({
  name: '', kind: 'EFFEKTKEDJA', output: '', shortTermEffect: '', period: '', resources: '',
  responsibleIds: [], goalIds, strategyIds: [], areaIds: [], forumIds: [], policyDocumentIds: [],
});

export function activityDraft(a: EditableActivity): ActivityDraft {
  return {
    name: a.name, kind: a.kind, output: a.output ?? '', shortTermEffect: a.shortTermEffect ?? '', period: a.period ?? '', resources: a.resources ?? '',
    responsibleIds: ids(a.responsible), goalIds: ids(a.goals), strategyIds: ids(a.strategies), areaIds: ids(a.areas), forumIds: ids(a.forums), policyDocumentIds: ids(a.policyDocuments),
  };
}

/** Whether a row has changes not saved: what Enter would send. */
export const activityChanged = (original: EditableActivity | null, draft: ActivityDraft): boolean =>
  JSON.stringify(original ? activityDraft(original) : emptyActivityDraft(draft.goalIds)) !== JSON.stringify(draft);

/** What the server would refuse anyway, and what keeps a row in its effektkedja: a name, and an effektmål. */
export function checkActivityDraft(draft: ActivityDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = sv.edit.required;
  if (!draft.goalIds.length) errors.goalIds = sv.edit.chooseGoal;
  return errors;
}

/** The whole row as createActivity and updateActivity name it: an emptied cell is null, which clears it; every list whole. */
export function activityInput(draft: ActivityDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    output: text(draft.output),
    shortTermEffect: text(draft.shortTermEffect),
    period: text(draft.period),
    resources: text(draft.resources),
    responsibleIds: draft.responsibleIds,
    goalIds: draft.goalIds,
    strategyIds: draft.strategyIds,
    areaIds: draft.areaIds,
    forumIds: draft.forumIds,
    policyDocumentIds: draft.policyDocumentIds,
  };
}
