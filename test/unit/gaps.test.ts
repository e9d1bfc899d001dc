import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../server/analysis/graph-index.ts';
import {
  activitiesMissingCells, collaborationPlacementGaps, findGaps, forumsWithoutGoal, goalsWithoutActivity, singleSector,
  strategiesWithoutActivity, structuralHoles, unconfirmedForums, unlinkedPolicyDocuments,
} from '../../server/analysis/gaps.ts';
import { filterFindings } from '../../server/analysis/findings.ts';
import { snapshot } from './fixtures/snapshot.ts';

const rulesAndSubjects = (findings: { rule: string; subjects: string[] }[]) => findings.map((f) => [f.rule, f.subjects]);

describe('gap rules on hand-made graphs', () => {
  it('finds the goal nobody works on, and not the one with an activity', () => {
    const ix = buildIndex(snapshot({
      targetAreas: ['target-area:boende', 'target-area:arbete'],
      goals: [['goal:hemlos', 'target-area:boende'], ['goal:jobb', 'target-area:arbete']],
      activities: [{ id: 'activity:x', goals: ['goal:jobb'] }],
    }));
    const [finding, ...rest] = goalsWithoutActivity(ix);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'goal-without-activity', severity: 'HIGH', subjects: ['goal:hemlos', 'target-area:boende'], metrics: { activities: 0, forums: 0 } });
    expect(finding!.evidence).toBe('Effektmålet ”hemlos” (målområde ”boende”) har ingen aktivitet som bidrar till det i någon effektkedja.');
  });

  it('reports an activity\'s empty Ansvar, Tid and Resurser cells as one finding per activity, each cell a part', () => {
    const ix = buildIndex(snapshot({
      goals: [['goal:jobb', 'target-area:arbete']],
      activities: [
        { id: 'activity:a', responsible: ['actor:alf'], period: '2024' },
        { id: 'activity:b', period: 'vt', resources: '1 tjänst' },
        { id: 'activity:c', goals: ['goal:jobb'] },
        { id: 'activity:d', responsible: ['actor:alf'], period: 'vt', resources: '1 tjänst' },
      ],
    }));
    const findings = activitiesMissingCells(ix);
    expect(rulesAndSubjects(findings)).toEqual([
      ['activity-empty-cells', ['activity:a']],
      ['activity-empty-cells', ['activity:b']],
      ['activity-empty-cells', ['activity:c', 'goal:jobb']],
    ]);
    expect(findings.map((f) => [f.title, f.severity, f.metrics])).toEqual([
      ['Resurser saknas: a', 'MEDIUM', { missing: 1, responsible: 1 }],
      ['Ansvar saknas: b', 'HIGH', { missing: 1, responsible: 0 }],
      ['Ansvar, tid och resurser saknas: c', 'HIGH', { missing: 3, responsible: 0 }],
    ]);
    expect(findings[2]!.parts!.map((p) => [p.key, p.label])).toEqual([['responsible', 'Ansvar saknas'], ['period', 'Tid saknas'], ['resources', 'Resurser saknas']]);
    expect(findings[2]!.evidence).toBe('Aktiviteten ”c” har ingen uppgift om ansvar, tid och resurser; den ska bidra till ”jobb”.');
    expect(findings[2]!.action).toBe('Utse vem som ansvarar för aktiviteten. Ange när aktiviteten ska genomföras. Ange vilka resurser aktiviteten har.');
  });

  it('finds strategies no activity implements', () => {
    const ix = buildIndex(snapshot({ strategies: [['strategy:1'], ['strategy:2']], activities: [{ id: 'activity:a', strategies: ['strategy:2'] }] }));
    expect(rulesAndSubjects(strategiesWithoutActivity(ix))).toEqual([['strategy-without-activity', ['strategy:1']]]);
  });

  it('finds collaborations never assessed, and those below their target level', () => {
    const ix = buildIndex(snapshot({
      collaborations: [
        { id: 'collaboration:ny', participants: ['actor:a', 'actor:b'] },
        { id: 'collaboration:lag', participants: ['actor:a'], assessments: ['assessment:1'] },
        { id: 'collaboration:bra', assessments: ['assessment:2'] },
      ],
    }));
    const placements = new Map([['collaboration:lag', { level: 2, target: 4 }], ['collaboration:bra', { level: 4, target: 3 }]]);
    const findings = collaborationPlacementGaps(ix, { placements });
    expect(rulesAndSubjects(findings)).toEqual([
      ['collaboration-never-assessed', ['collaboration:ny', 'actor:a', 'actor:b']],
      ['collaboration-below-target', ['collaboration:lag', 'actor:a']],
    ]);
    expect(findings[1]!.metrics).toEqual({ level: 2, target: 4, gap: 2 });
  });

  it('finds actors serving the same goal who share nothing, but not those who share a forum or are one organisation', () => {
    const ix = buildIndex(snapshot({
      actors: [['actor:stad', 'KOMMUN'], ['actor:alf', 'FORVALTNING', ['actor:stad']], ['actor:af', 'STATLIG_MYNDIGHET'], ['actor:vgr', 'REGION']],
      goals: [['goal:jobb', 'target-area:arbete']],
      activities: [
        { id: 'activity:a', responsible: ['actor:alf'], goals: ['goal:jobb'] },
        { id: 'activity:b', responsible: ['actor:af'], goals: ['goal:jobb'] },
        { id: 'activity:c', responsible: ['actor:stad'], goals: ['goal:jobb'] },
      ],
      forums: [{ id: 'forum:f', members: ['actor:vgr', 'actor:af'], goals: ['goal:jobb'] }],
    }));
    const holes = structuralHoles(ix);
    expect(rulesAndSubjects(holes)).toEqual([
      ['structural-hole', ['actor:af', 'actor:alf', 'goal:jobb']],
      ['structural-hole', ['actor:af', 'actor:stad', 'goal:jobb']],
      ['structural-hole', ['actor:alf', 'actor:vgr', 'goal:jobb']],
      ['structural-hole', ['actor:stad', 'actor:vgr', 'goal:jobb']],
    ]);
    expect(holes[0]!.evidence).toBe('”af” och ”alf” arbetar båda mot effektmålet ”jobb”, men delar inget forum, ingen aktivitet och ingen samverkan.');
  });

  it('finds goals, målområden and områden where only one sector acts', () => {
    const ix = buildIndex(snapshot({
      actors: [['actor:alf', 'FORVALTNING'], ['actor:gvuf', 'FORVALTNING'], ['actor:polisen', 'STATLIG_MYNDIGHET']],
      targetAreas: ['target-area:arbete', 'target-area:boende'],
      areas: ['area:norrby'],
      goals: [['goal:jobb', 'target-area:arbete'], ['goal:trygg', 'target-area:boende'], ['goal:tom', 'target-area:boende']],
      activities: [
        { id: 'activity:a', responsible: ['actor:alf', 'actor:gvuf'], goals: ['goal:jobb'], areas: ['area:norrby'] },
        { id: 'activity:b', responsible: ['actor:alf', 'actor:polisen'], goals: ['goal:trygg'] },
      ],
    }));
    expect(rulesAndSubjects(singleSector(ix))).toEqual([
      ['single-sector-goal', ['goal:jobb', 'actor:alf', 'actor:gvuf']],
      ['single-sector-target-area', ['target-area:arbete', 'actor:alf', 'actor:gvuf']],
      ['single-sector-area', ['area:norrby', 'actor:alf', 'actor:gvuf']],
    ]);
    expect(singleSector(ix)[0]!.evidence).toBe('I effektmålet ”jobb” agerar 2 aktörer, alla från kommunen; regionen, staten och civilsamhället saknas.');
  });

  it('finds styrdokument that govern nothing and forums with no goal', () => {
    const ix = buildIndex(snapshot({
      policyDocuments: [{ id: 'policy-document:plan' }, { id: 'policy-document:policy', governs: ['forum:f'] }],
      forums: [{ id: 'forum:f', goals: ['goal:g'] }, { id: 'forum:tomt', members: ['actor:a'] }],
    }));
    expect(rulesAndSubjects(unlinkedPolicyDocuments(ix))).toEqual([['policy-document-unlinked', ['policy-document:plan']]]);
    expect(rulesAndSubjects(forumsWithoutGoal(ix))).toEqual([['forum-without-goal', ['forum:tomt']]]);
  });

  it('finds forums not confirmed by their convenor in 12 months, or never', () => {
    const s = snapshot({ forums: [{ id: 'forum:nyss' }, { id: 'forum:gammalt', convenors: ['actor:ska'] }, { id: 'forum:aldrig' }] });
    s.forums[0]!.node.confirmedAt = '2026-03-01T09:00:00Z';
    s.forums[1]!.node.confirmedAt = '2025-06-01T09:00:00Z';
    const findings = unconfirmedForums(buildIndex(s), new Date('2026-11-22T12:00:00Z'));
    expect(findings.map((f) => f.subjects)).toEqual([['forum:gammalt', 'actor:ska'], ['forum:aldrig']]);
    expect(findings[0]!.evidence).toBe('Forumets uppgifter bekräftades senast 2025-06-01, för 17 månader sedan; de ska bekräftas minst var 12:e månad.');
    expect(findings[0]!.metrics).toEqual({ monthsSinceConfirmed: 17 });
  });

  it('filters findings by målområde, actor, rule and severity, most severe first', () => {
    const ix = buildIndex(snapshot({
      goals: [['goal:hemlos', 'target-area:boende'], ['goal:jobb', 'target-area:arbete']],
      activities: [{ id: 'activity:x', responsible: ['actor:alf'], goals: ['goal:jobb'], period: 'p', resources: 'r' }],
      forums: [{ id: 'forum:f', members: ['actor:alf'] }],
    }));
    const all = findGaps(ix).filter((f) => f.rule !== 'forum-unconfirmed');
    expect(all.map((f) => f.rule).sort()).toEqual(['forum-without-goal', 'goal-without-activity']);
    expect(filterFindings(all, { targetArea: 'target-area:boende' }).map((f) => f.rule)).toEqual(['goal-without-activity']);
    expect(filterFindings(all, { actor: 'actor:alf' }).map((f) => f.rule)).toEqual(['forum-without-goal']);
    expect(filterFindings(all, { severities: ['MEDIUM'] }).map((f) => f.rule)).toEqual(['forum-without-goal']);
    expect(filterFindings(all, { rules: ['goal-without-activity'] })).toHaveLength(1);
    expect(filterFindings(all).map((f) => f.severity)).toEqual(['HIGH', 'MEDIUM']);
  });
});
