/**
 * The Neo4j versions every store-touching suite runs on: the newest 5.26 LTS,
 * and the newest calendar release as new installations and Aura run it
 * (Cypher 25 by default; it needs Java 21 or later).
 */
export interface Neo4jVersion {
  /** The vitest project's name and the label in the run's output. */
  name: string;
  version: string;
  /** The JDK to run it on; null: the machine's default `java`. */
  javaHome: string | null;
  /** Settings this version's neo4j.conf would carry. */
  settings: string[];
  /** How the suites connect: one version routes (`neo4j://`, as for a cluster), one goes direct. */
  scheme: 'bolt' | 'neo4j';
}

const JAVA_21_OR_LATER = process.env.NEO4J_JAVA_HOME ?? '/usr/lib/jvm/temurin-25-jdk-amd64';

export const NEO4J_VERSIONS: Neo4jVersion[] = [
  { name: 'neo4j-5.26', version: '5.26.30', javaHome: null, settings: [], scheme: 'bolt' },
  {
    name: 'neo4j-2026',
    version: '2026.08.1',
    javaHome: JAVA_21_OR_LATER,
    settings: ['db.query.default_language=CYPHER_25'],
    scheme: 'neo4j',
  },
];

export const NEO4J_TEST_USER = 'neo4j';
/** Fixed, and only for the throwaway servers the tests start on loopback. */
export const NEO4J_TEST_PASSWORD = 'samverkan-test';
