import { describe, expect, it } from 'vitest';
import type { ForumSummary } from '../../web/api/documents.ts';
import { conflictText, outcome } from '../../web/api/mutations.ts';
import { checkAssessment, checkPlacement, emptyAssessment, emptyPlacement, placeCollaborationInput, submitAssessmentInput } from '../../web/edit/assessment.ts';
import { checkForumDraft, confirmation, emptyForumDraft, forumDraft, forumInput } from '../../web/edit/forum.ts';
import { present } from '../../web/edit/text.ts';
import { changedFields, changeLine } from '../../web/edit/history.ts';
import { activityChanged, activityDraft, activityInput, checkActivityDraft, emptyActivityDraft, type EditableActivity } from '../../web/edit/activity.ts';
import { checkGoalDraft, goalInput } from '../../web/edit/goal.ts';
import { actorInput, actorLabel, actorNamed, checkActorDraft, emptyActorDraft, likelyDuplicates } from '../../web/edit/actor.ts';
import { confirmationText } from '../../web/graph/forums.ts';

const actor = (id: string) => ({ id, name: `Aktör ${id}`, shortName: null, kind: 'FORVALTNING', sector: 'KOMMUN' });
const seat = (actorId: string, role: string, from = '', to = '') => ({ actorId, role, from, to });
const forum: ForumSummary = {
  id: 'forum:f',
  name: 'Forum F',
  purpose: 'Samordna',
  level: 'TAKTISK',
  meetingFrequency: null,
  convenor: { id: 'actor:x', name: 'Aktör actor:x' },
  members: [
    { role: 'ORDFORANDE', version: 3, from: null, to: null, actor: actor('actor:x') },
    { role: 'LEDAMOT', version: 1, from: '2024-01-01', to: null, actor: actor('actor:y') },
  ],
  goals: [{ id: 'goal:a', text: 'A' }],
  targetGroups: ['FAMILJER'],
  version: 7,
  confirmedAt: null,
  confirmedBy: null,
  confirmationDueAt: null,
};

describe('the forum form', () => {
  it('sends a new forum in one input, leaving out what is empty', () => {
    const draft = { ...emptyForumDraft(), name: '  Nytt forum ', level: 'OPERATIV', convenorId: 'actor:x', members: [seat('actor:x', 'SAMMANKALLANDE', '2025-01-01'), seat('actor:y', 'LEDAMOT')], goalIds: ['goal:a'], targetGroups: ['BARN_OCH_UNGA', 'FAMILJER'] };
    // A create leaves the empty fields out (the form does so for every type).
    expect(present(forumInput(draft))).toEqual({
      name: 'Nytt forum',
      level: 'OPERATIV',
      convenorId: 'actor:x',
      members: [{ actorId: 'actor:x', role: 'SAMMANKALLANDE', from: '2025-01-01' }, { actorId: 'actor:y', role: 'LEDAMOT' }],
      goalIds: ['goal:a'],
      targetGroups: ['BARN_OCH_UNGA', 'FAMILJER'],
    });
  });

  it('says at the field what is missing before anything is sent', () => {
    expect(checkForumDraft({ ...emptyForumDraft(), name: ' ', members: [seat('actor:x', 'LEDAMOT'), seat('', 'LEDAMOT')] })).toEqual({
      name: 'måste anges',
      'members.1.actorId': 'välj en aktör',
    });
  });

  it('sends an edit as the whole form: fields, every seat, goals and målgrupper, an emptied field as null', () => {
    const draft = { ...forumDraft(forum), purpose: ' ', meetingFrequency: 'Varje vecka', convenorId: '', members: [seat('actor:y', 'ORDFORANDE', '', '2026-12-31'), seat('actor:z', 'LEDAMOT', '2026-01-01')], goalIds: ['goal:b'], targetGroups: ['BARN_OCH_UNGA'] };
    // The form sends it with the forum's id and the version read.
    expect(forumInput(draft)).toEqual({
      name: 'Forum F',
      purpose: null,
      level: 'TAKTISK',
      meetingFrequency: 'Varje vecka',
      convenorId: null,
      // actor:x is gone, actor:y's start date is cleared, actor:z is new: the list is the whole new state.
      members: [{ actorId: 'actor:y', role: 'ORDFORANDE', to: '2026-12-31' }, { actorId: 'actor:z', role: 'LEDAMOT', from: '2026-01-01' }],
      goalIds: ['goal:b'],
      targetGroups: ['BARN_OCH_UNGA'],
    });
  });

  it('marks a forum never confirmed, or confirmed more than twelve months ago', () => {
    const now = new Date('2026-11-22T05:00:00Z');
    // The due date is the server's: a year after the confirmation.
    const confirmed = (at: string, due: string) => ({ confirmedAt: at, confirmationDueAt: due });
    expect(confirmation({ confirmedAt: null, confirmationDueAt: null }, now)).toBe('never');
    expect(confirmation(confirmed('2025-11-21T12:00:00Z', '2026-11-21T12:00:00Z'), now)).toBe('stale');
    expect(confirmation(confirmed('2025-12-01T12:00:00Z', '2026-12-01T12:00:00Z'), now)).toBe('fresh');
    expect(confirmationText({ confirmedAt: null, confirmationDueAt: null }, now)).toBe('Aldrig bekräftad');
    expect(confirmationText(confirmed('2025-01-02T08:00:00Z', '2026-01-02T08:00:00Z'), now)).toBe('2025-01-02 (mer än 12 månader sedan)');
    expect(confirmationText(confirmed('2026-06-02T08:00:00Z', '2027-06-02T08:00:00Z'), now)).toBe('2026-06-02');
  });
});

describe('mutation results', () => {
  it('puts field errors at their fields, under the prefix of the part they belong to', () => {
    const result = { __typename: 'ValidationError', message: 'Fel', fieldErrors: [{ path: 'input.role', message: 'måste anges' }, { path: 'input.from', message: 'måste vara ett datum: ÅÅÅÅ-MM-DD' }] };
    expect(outcome(result, 'members.2.')).toEqual({ kind: 'invalid', message: 'Fel', fields: { 'members.2.role': 'måste anges', 'members.2.from': 'måste vara ett datum: ÅÅÅÅ-MM-DD' } });
    expect(outcome({ __typename: 'ValidationError', fieldErrors: [{ path: 'input.members.0.to', message: 'x' }] })).toMatchObject({ kind: 'invalid', fields: { 'members.0.to': 'x' } });
    expect(outcome({ __typename: 'UpdateForumSuccess', forum: {} })).toMatchObject({ kind: 'ok' });
    expect(outcome({ __typename: 'NotFoundError', message: 'Finns inte' })).toEqual({ kind: 'not-found', message: 'Finns inte' });
  });

  it('says in Swedish who changed it and when, and that nothing was written', () => {
    const text = conflictText({ changedByName: 'Anna', changedAt: '2026-03-04T10:05:00Z', message: 'forum:f har ändrats' });
    expect(text).toMatch(/^Någon hann före: Anna ändrade det 2026-03-04 \d\d:05, efter att du läste det\. Ingenting av din ändring sparades\./);
    expect(outcome({ __typename: 'ConflictError', changedByName: null, changedAt: null, message: 'forum:f är i version 1, inte 7' })).toEqual({ kind: 'conflict', message: 'forum:f är i version 1, inte 7' });
  });
});

describe('the assessment form', () => {
  const answered = { respondent: ' Anna ', organisationId: 'actor:x', a1: '3', a2: '4', b1: '2', b2: '2', c1: '1', c2: '5', targetA: '4', targetB: '', targetC: '3' };

  it('sends each respondent with numbers for the items, and the targets given', () => {
    const draft = { ...emptyAssessment(new Date('2026-11-22T12:00:00Z')), signals: ['SJUNKANDE_NARVARO'], responses: [answered] };
    expect(submitAssessmentInput('collaboration:c', draft)).toEqual({
      collaborationId: 'collaboration:c',
      date: '2026-11-22',
      signals: ['SJUNKANDE_NARVARO'],
      responses: [{ respondent: 'Anna', organisationId: 'actor:x', a1: 3, a2: 4, b1: 2, b2: 2, c1: 1, c2: 5, targetA: 4, targetC: 3 }],
    });
  });

  it('names each unanswered item, the respondent and the organisation at their fields', () => {
    const draft = { date: '22/11', note: '', signals: [], responses: [answered, { respondent: '', organisationId: '', a1: '2' }] };
    expect(checkAssessment(draft)).toEqual({
      date: 'skriv datumet som ÅÅÅÅ-MM-DD',
      'responses.1.respondent': 'måste anges',
      'responses.1.organisationId': 'välj en aktör',
      'responses.1.a2': 'välj ett svar',
      'responses.1.b1': 'välj ett svar',
      'responses.1.b2': 'välj ett svar',
      'responses.1.c1': 'välj ett svar',
      'responses.1.c2': 'välj ett svar',
    });
  });

  it('places directly with level and grounds, the target only when given', () => {
    expect(checkPlacement({ date: '2026-11-22', level: '', targetLevel: '', note: ' ', signals: [] })).toEqual({ level: 'välj en nivå', note: 'måste anges' });
    expect(placeCollaborationInput('collaboration:c', { date: '2026-11-22', level: 'SAMORDNAT', targetLevel: '', note: ' Bedömt ', signals: [] })).toEqual({
      collaborationId: 'collaboration:c', date: '2026-11-22', level: 'SAMORDNAT', note: 'Bedömt', signals: [],
    });
    // Half past midnight in Borås is still the day before in UTC: the form offers Borås's day.
    expect(emptyPlacement(new Date('2026-01-04T23:30:00Z')).date).toBe('2026-01-05');
    expect(emptyAssessment(new Date('2026-07-04T21:30:00Z')).date).toBe('2026-07-04');
  });
});

describe('the history panel', () => {
  it('names the fields an update changed, with old and new where they are short, leaving out the bookkeeping', () => {
    expect(changedFields('{"id":"f","version":1,"name":"A","level":"TAKTISK","purpose":null}', `{"id":"f","version":2,"name":"A","level":"OPERATIV","purpose":"${'x'.repeat(80)}"}`)).toEqual(['nivå Taktisk → Operativ', 'syfte']);
    expect(changedFields('{"confirmedAt":null,"version":3}', '{"confirmedAt":"2026-01-01T00:00:00Z","version":4}')).toEqual([]);
    expect(changedFields(null, '{"name":"A"}')).toEqual([]);
    expect(changedFields('inte json', '{}')).toEqual([]);
  });

  it('tells a list set whole by who came, who went and whose seat changed; a list that stayed, or an empty one, is no change', () => {
    const seat = (actor: string, role: string, version = 1) => ({ type: 'MEMBER_OF', from: actor, to: 'forum:f', props: { role, from: null, to: null, version } });
    const before = JSON.stringify({ version: 1, members: [seat('actor:x', 'LEDAMOT'), seat('actor:y', 'LEDAMOT')], goals: [], targetGroups: [] });
    const after = JSON.stringify({ version: 2, members: [seat('actor:y', 'ORDFORANDE', 2), seat('actor:z', 'LEDAMOT')], goals: [] });
    const names = (id: string) => ({ 'actor:x': 'X', 'actor:z': 'Z' })[id];
    expect(changedFields(before, after, 'forum:f', names)).toEqual(['medlemmar (+ Z, − X, ändrad: actor:y)']);
    expect(changedFields(before, before, 'forum:f')).toEqual([]);
    expect(changedFields('{"type":"OVER_FORVALTNINGSGRANSER"}', '{"type":"MELLAN_PROFESSIONER"}')).toEqual(['typ Över förvaltningsgränser → Mellan professioner']);
  });

  it('tells who, when and what in one line; a seat by the actor at its other end, and its role change', () => {
    const seat = (role: string, version: number) => JSON.stringify({ type: 'MEMBER_OF', from: 'actor:y', to: 'forum:f', props: { role, version } });
    const names = (id: string) => (id === 'actor:y' ? 'Aktör Y' : undefined);
    const line = changeLine({ id: 'c', at: '2026-03-04T10:05:00Z', byName: 'Anna', operation: 'updateForumMember', before: seat('LEDAMOT', 1), after: seat('ORDFORANDE', 2) }, 'forum:f', names);
    expect(line).toMatchObject({ who: 'Anna', what: 'Ändrade en medlem: Aktör Y, roll ledamot → ordförande' });
    expect(line.when).toMatch(/^2026-03-04 \d\d:05$/);
    expect(changeLine({ id: 'c', at: 'x', byName: null, operation: 'addForumMember', before: null, after: seat('LEDAMOT', 1) }, 'forum:f').what).toBe('Lade till en medlem: actor:y');
    expect(changeLine({ id: 'c', at: 'x', byName: null, operation: 'nyOperation', before: null, after: null }, 'forum:f')).toEqual({ when: 'x', who: 'någon', what: 'nyOperation' });
  });
});

describe('the actor picker', () => {
  const actors = [
    { id: 'actor:alf', name: 'Arbetslivsförvaltningen', shortName: 'ALF', kind: 'FORVALTNING', sector: 'KOMMUN' },
    { id: 'actor:arbetslivsnamnden', name: 'Arbetslivsnämnden', shortName: null, kind: 'NAMND', sector: 'KOMMUN' },
    { id: 'actor:polisen', name: 'Polisen', shortName: null, kind: 'STATLIG_MYNDIGHET', sector: 'STAT' },
  ];

  it('takes the actor a text names by name, short name or both, ignoring case; nothing for a part of a name', () => {
    expect(actorNamed(actors, ' alf ')?.id).toBe('actor:alf');
    expect(actorNamed(actors, 'Arbetslivsförvaltningen (ALF)')?.id).toBe('actor:alf');
    expect(actorNamed(actors, 'polisen')?.id).toBe('actor:polisen');
    expect(actorNamed(actors, 'Polis')).toBeUndefined();
    expect(actorLabel(actors[0]!)).toBe('Arbetslivsförvaltningen (ALF)');
  });

  it('warns of the actors a new name likely means: another spelling, a typo, one name inside the other', () => {
    const near = (typed: string, except?: string) => likelyDuplicates(actors, typed, except).map((a) => a.id);
    expect(near('arbetslivsforvaltningen')).toEqual(['actor:alf']);
    expect(near('Arbetslivsförvaltningen Borås')).toEqual(['actor:alf']);
    expect(near('Arbetslivsförvaltnigen')).toEqual(['actor:alf']);
    expect(near('Polisområde Borås')).toEqual([]);
    expect(near('Polisen i Sjuhärad')).toEqual(['actor:polisen']);
    expect(near('Föreningen Sjöbo fritid')).toEqual([]);
    expect(near('Arbetslivsförvaltningen', 'actor:alf')).toEqual([]);
    expect(near('a')).toEqual([]);
  });

  it('sends an actor as the server names its fields, an empty short name as null, and asks for a name and a kind', () => {
    expect(actorInput({ name: ' Föreningen Sjöbo ', shortName: ' ', kind: 'CIVILSAMHALLE', partOfIds: [] })).toEqual({ name: 'Föreningen Sjöbo', shortName: null, kind: 'CIVILSAMHALLE', partOfIds: [] });
    expect(checkActorDraft(emptyActorDraft())).toEqual({ name: 'måste anges', kind: 'välj en aktörstyp' });
  });
});

describe('an effektkedja row', () => {
  const read: EditableActivity = {
    id: 'activity:a', name: 'Segregationsindex', kind: 'EFFEKTKEDJA', output: 'Index', shortTermEffect: null, period: null, resources: null, version: 4,
    responsible: [{ id: 'actor:ska' }], goals: [{ id: 'goal:g' }], strategies: [], areas: [{ id: 'area:norrby' }], forums: [], policyDocuments: [],
  };

  it('is unchanged as read, and changed by a cell', () => {
    expect(activityChanged(read, activityDraft(read))).toBe(false);
    expect(activityChanged(read, { ...activityDraft(read), period: '2025–2027' })).toBe(true);
  });

  it('sends the whole row: an emptied cell as null, every list whole', () => {
    const draft = { ...activityDraft(read), output: ' ', period: '2025–2027', resources: ' 1 årsarbetare ', responsibleIds: ['actor:ska', 'actor:socialtjansten'] };
    expect(activityInput(draft)).toEqual({
      name: 'Segregationsindex', kind: 'EFFEKTKEDJA', output: null, shortTermEffect: null, period: '2025–2027', resources: '1 årsarbetare',
      responsibleIds: ['actor:ska', 'actor:socialtjansten'], goalIds: ['goal:g'], strategyIds: [], areaIds: ['area:norrby'], forumIds: [], policyDocumentIds: [],
    });
  });

  it('needs a name and an effektmål, which keeps it in its effektkedja', () => {
    expect(checkActivityDraft(emptyActivityDraft())).toEqual({ name: 'måste anges', goalIds: 'välj minst ett effektmål' });
    expect(checkActivityDraft({ ...emptyActivityDraft(['goal:g']), name: 'Bostad först' })).toEqual({});
  });

  it('an effektmål needs a text and a målområde', () => {
    expect(checkGoalDraft({ text: ' ', targetAreaId: '' })).toEqual({ text: 'måste anges', targetAreaId: 'välj ett målområde' });
    expect(goalInput({ text: ' Ingen ska vara hemlös ', targetAreaId: 'target-area:boende' })).toEqual({ text: 'Ingen ska vara hemlös', targetAreaId: 'target-area:boende' });
  });
});
