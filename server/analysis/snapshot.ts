import type { GraphStore } from '../store/port.ts';
import type { ActorKind } from '../domain/sectors.ts';
import type { ActorTie } from './working-relations.ts';

/** A stored node's own properties, as the store returns them. */
export type NodeProps = { id: string; [key: string]: unknown };

export interface ActorRow { node: NodeProps & { name: string; kind: ActorKind }; parents: string[] }
export interface GoalRow { node: NodeProps & { text: string }; targetAreas: string[] }
export interface ActivityRow {
  node: NodeProps & { name: string; kind: string; period?: string | null; resources?: string | null; shortTermEffect?: string | null };
  responsible: string[];
  goals: string[];
  strategies: string[];
  areas: string[];
  forums: string[];
  coordinateWith: string[];
}
export interface ForumRow {
  node: NodeProps & { name: string };
  members: string[];
  convenors: string[];
  goals: string[];
  activities: string[];
  coordinateWith: string[];
}
export interface StrategyRow { node: NodeProps & { name: string }; targetAreas: string[] }
export interface PolicyDocumentRow { node: NodeProps & { title: string }; governs: string[]; owners: string[] }
export interface CollaborationRow {
  node: NodeProps & { name: string; targetLevel?: string | null };
  participants: string[];
  forums: string[];
  activities: string[];
  assessments: string[];
}
export interface NamedRow { node: NodeProps & { name: string } }

/** Everything the gap and overlap rules look at: one read of the graph, then pure code. */
export interface GraphSnapshot {
  actors: ActorRow[];
  goals: GoalRow[];
  activities: ActivityRow[];
  forums: ForumRow[];
  strategies: StrategyRow[];
  policyDocuments: PolicyDocumentRow[];
  collaborations: CollaborationRow[];
  targetAreas: NamedRow[];
  areas: NamedRow[];
  ties: ActorTie[];
}

/** Reads the snapshot: one named statement per kind of row, run side by side. */
export async function readSnapshot(store: GraphStore): Promise<GraphSnapshot> {
  const [actors, goals, activities, forums, strategies, policyDocuments, collaborations, targetAreas, areas, ties] = await Promise.all([
    store.read<ActorRow>('analysis/list-actor-rows'),
    store.read<GoalRow>('analysis/list-goal-rows'),
    store.read<ActivityRow>('analysis/list-activity-rows'),
    store.read<ForumRow>('analysis/list-forum-rows'),
    store.read<StrategyRow>('analysis/list-strategy-rows'),
    store.read<PolicyDocumentRow>('analysis/list-policy-document-rows'),
    store.read<CollaborationRow>('analysis/list-collaboration-rows'),
    store.read<NamedRow>('analysis/list-target-area-rows'),
    store.read<NamedRow>('analysis/list-area-rows'),
    store.read<ActorTie>('analysis/list-actor-ties'),
  ]);
  return { actors, goals, activities, forums, strategies, policyDocuments, collaborations, targetAreas, areas, ties };
}

