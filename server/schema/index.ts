import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './source.ts';
import './errors.ts';
import './api-key.ts';
import './change.ts';
import './enums.ts';
import './actor.ts';
import './forum.ts';
import './activity.ts';
import './goal.ts';
import './target-area.ts';
import './person.ts';
import './strategy.ts';
import './policy-document.ts';
import './area.ts';
import './collaboration.ts';
import './working-relation.ts';
import './finding.ts';
import './report-counts.ts';
import './assessment.ts';
import './taxonomy.ts';
import './assessment-mutations.ts';
import './import.ts';

/** The whole GraphQL schema, types sorted so the printed schema is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());
