import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('runs on the embedded store at 127.0.0.1:4000 with no settings', () => {
    expect(loadConfig({})).toEqual({ port: 4000, host: '127.0.0.1', dataDir: './data', seedOnStart: true, neo4j: undefined });
  });

  it('uses Neo4j when NEO4J_URI is set, for single servers, clusters and Aura', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_USER: 'neo4j' }).neo4j).toMatchObject({ uri, user: 'neo4j' });
    }
  });

  it('names every wrong variable and why', () => {
    expect(() => loadConfig({ PORT: 'abc', NEO4J_URI: 'http://db' })).toThrow(
      /PORT="abc": must be a whole number from 0 to 65535\n {2}NEO4J_URI="http:\/\/db": must be a bolt/,
    );
    expect(() => loadConfig({ SEED_ON_START: 'ja' })).toThrow(/SEED_ON_START="ja": must be true or false/);
  });
});
