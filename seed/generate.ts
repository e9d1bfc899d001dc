import type { ActorKind } from '../server/domain/sectors.ts';
import { COLLABORATION_TYPES, FORUM_LEVELS } from '../server/domain/vocabulary.ts';
import type { SeedData } from './load.ts';

/**
 * A synthetic collaboration landscape of many municipalities, deterministic
 * from a seed: each municipality with its förvaltningar, bolag, civil society,
 * effektkedjor, forums and collaborations, linked by shared regional and state
 * actors. Shaped like the Borås data (same files, same rules apply) but with
 * its own gaps and overlaps, for benchmarks at regional and national scale.
 */
export interface GenerateOptions {
  municipalities: number;
  seed?: number;
}

/** Sweden has 21 regions; a Västra Götaland-sized graph has 49 municipalities in one. */
const REGIONS = 21;

/** mulberry32: small, fast, and the same numbers on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    sample: <T>(items: readonly T[], n: number): T[] => {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
    chance: (p: number) => next() < p,
  };
}

const FORVALTNINGAR = ['Stadsledningskansliet', 'Arbetslivsförvaltningen', 'Gymnasie- och vuxenutbildningsförvaltningen', 'Fritids- och folkhälsoförvaltningen',
  'Samhällsbyggnadsförvaltningen', 'Tekniska förvaltningen', 'Förskoleförvaltningen', 'Grundskoleförvaltningen', 'Kulturförvaltningen', 'Socialförvaltningen'];
const TARGET_AREAS = ['God start i livet och goda uppväxtvillkor', 'Förutsättningar för arbete', 'Boende och närmiljö', 'Områdesutveckling'];
const EFFECTS = ['Fler unga fullföljer gymnasiet', 'Fler i arbete', 'Ökad trygghet', 'Ökad tillit', 'Fler deltar i fritidsaktiviteter', 'Bättre språkutveckling', 'Minskad trångboddhet'];

export function generateGraph({ municipalities, seed = 1 }: GenerateOptions): SeedData {
  const r = random(seed);
  const source = (section: string) => ({ document: 'SYN', section });
  const adopted = 'ADOPTED' as const;
  const data: SeedData = {
    documents: [{ code: 'SYN', title: `Syntetiska testdata (${municipalities} kommuner, frö ${seed})`, file: 'seed/generate.ts', status: adopted }],
    actors: [], 'overarching-goals': [], 'target-areas': [], goals: [], areas: [], strategies: [], 'policy-documents': [],
    activities: [], forums: [], collaborations: [], 'coordination-needs': [], funding: [], people: [],
  };
  const actor = (id: string, name: string, kind: ActorKind, partOf: string | null = null) => {
    data.actors.push({ id, name, shortName: null, kind, partOf, status: adopted, source: source('Aktörer') });
    return id;
  };
  const state = ['Polisen', 'Arbetsförmedlingen', 'Försäkringskassan', 'Kriminalvården'].map((name, i) => actor(`actor:stat-${i}`, name, 'STATLIG_MYNDIGHET'));
  const regions = Array.from({ length: Math.min(REGIONS, Math.max(1, Math.ceil(municipalities / 49))) }, (_, i) => actor(`actor:region-${i}`, `Region ${i + 1}`, 'REGION'));
  data['overarching-goals'].push({ id: 'overarching-goal:jamlika', text: 'Skapa jämlika livsvillkor och god hälsa', status: adopted, source: source('Mål') });
  TARGET_AREAS.forEach((name, i) =>
    data['target-areas'].push({ id: `target-area:${i}`, name, overarchingGoal: 'overarching-goal:jamlika', status: adopted, source: source('Målområden') }),
  );

  for (let m = 0; m < municipalities; m++) {
    const p = `m${m}`;
    const region = regions[m % regions.length]!;
    const kommun = actor(`actor:${p}`, `Kommun ${m + 1}`, 'KOMMUN');
    const forvaltningar = FORVALTNINGAR.map((name, i) => actor(`actor:${p}-f${i}`, `${name} (kommun ${m + 1})`, 'FORVALTNING', kommun));
    const bolag = [0, 1].map((i) => actor(`actor:${p}-b${i}`, `Bostadsbolag ${i + 1} (kommun ${m + 1})`, 'KOMMUNALT_BOLAG', kommun));
    const civil = [0, 1, 2].map((i) => actor(`actor:${p}-c${i}`, `Förening ${i + 1} (kommun ${m + 1})`, 'CIVILSAMHALLE'));
    const naring = actor(`actor:${p}-n0`, `Företagarna (kommun ${m + 1})`, 'NARINGSLIV');
    const local = [...forvaltningar, ...bolag];
    const everyone = [...local, ...civil, naring, region, ...state];

    const areas = [0, 1, 2].map((i) => {
      const id = `area:${p}-${i}`;
      data.areas.push({ id, name: i === 0 ? `Hela kommun ${m + 1}` : `Område ${i} (kommun ${m + 1})`, status: adopted, source: source('Områden') });
      return id;
    });
    const goals: string[] = [];
    TARGET_AREAS.forEach((_, t) => {
      for (let g = 0; g < r.int(3, 4); g++) {
        const id = `goal:${p}-${t}-${g}`;
        data.goals.push({ id, text: `Effektmål ${t + 1}.${g + 1} (kommun ${m + 1})`, targetArea: `target-area:${t}`, status: adopted, source: source('Effektmål') });
        goals.push(id);
      }
    });
    const strategies = [0, 1, 2, 3, 4].map((i) => {
      const id = `strategy:${p}-${i}`;
      data.strategies.push({ id, name: `Strategi ${i + 1} (kommun ${m + 1})`, description: null, targetArea: `target-area:${i % 4}`, measures: [], status: adopted, source: source('Strategier') });
      return id;
    });
    const docs = Array.from({ length: 8 }, (_, i) => {
      const id = `policy-document:${p}-${i}`;
      data['policy-documents'].push({ id, title: `Plan ${i + 1} (kommun ${m + 1})`, type: 'plan', owner: kommun, adopted: '2021', validUntil: null, status: adopted, source: source('Styrdokument') });
      return id;
    });
    // About one goal in eight is left without activity: the gap the analysis must find.
    const served = goals.filter(() => r.chance(0.88));
    const activities: string[] = [];
    for (let a = 0; a < 26; a++) {
      const id = `activity:${p}-${a}`;
      const goal = r.pick(served.length ? served : goals);
      data.activities.push({
        id, name: `Aktivitet ${a + 1} (kommun ${m + 1})`, kind: 'EFFEKTKEDJA', output: `Prestation ${a + 1}`, shortTermEffect: r.pick(EFFECTS),
        period: r.chance(0.3) ? '2025–2026' : null, resources: r.chance(0.3) ? 'Befintlig budget' : null,
        responsible: r.chance(0.05) ? [] : r.sample(r.chance(0.2) ? everyone : local, r.int(1, 2)),
        goals: [goal], strategies: r.chance(0.5) ? [r.pick(strategies)] : [], areas: [r.pick(areas)],
        policyDocuments: r.chance(0.4) ? [r.pick(docs)] : [], status: adopted, source: source('Effektkedja'),
      });
      activities.push(id);
    }
    const forums: string[] = [];
    for (let f = 0; f < 7; f++) {
      const id = `forum:${p}-${f}`;
      const members = r.sample(everyone, r.int(4, 9));
      data.forums.push({
        id, name: `Forum ${f + 1} (kommun ${m + 1})`, purpose: null, level: r.pick(FORUM_LEVELS), meetingFrequency: null,
        convenor: members[0]!, members: members.map((a, i) => ({ actor: a, role: i === 0 ? 'SAMMANKALLANDE' as const : 'LEDAMOT' as const })),
        goals: r.chance(0.85) ? r.sample(goals.slice(0, 8), r.int(1, 3)) : [], coordinates: r.sample(activities, r.int(0, 3)), policyDocuments: [],
        status: adopted, source: source('Forum'),
      });
      forums.push(id);
    }
    for (let c = 0; c < 5; c++) {
      data.collaborations.push({
        id: `collaboration:${p}-${c}`, name: `Samverkan ${c + 1} (kommun ${m + 1})`, type: r.pick(COLLABORATION_TYPES),
        description: null, participants: r.sample(everyone, r.int(2, 5)).map((a) => ({ actor: a, role: null })),
        forums: r.sample(forums, 1), activities: r.sample(activities, r.int(1, 3)), targetLevel: null, status: adopted, source: source('Samverkan'),
      });
    }
    data['coordination-needs'].push({ members: r.sample(activities, 2), reason: 'Behöver samordnas för att undvika dubbelarbete.', status: adopted, source: source('Samordning') });
    TARGET_AREAS.forEach((_, t) =>
      data.funding.push({ id: `funding:${p}-${t}`, funder: 'Kommunen', description: null, year: 2025, amountSek: r.int(1, 40) * 100_000, targetArea: `target-area:${t}`, activity: null, status: adopted, source: source('Budget') }),
    );
  }
  return data;
}
