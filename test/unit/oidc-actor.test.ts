import { describe, expect, it } from 'vitest';
import { actorIn } from '../../server/auth/oidc.ts';
import { loadConfig } from '../../server/config.ts';

describe('the actor a token\'s user works for', () => {
  const settings = { actorClaim: 'org.department', actorMap: { Förskoleförvaltningen: 'actor:ff' } };

  it('is read from the claim path through the map, or taken as an actor id', () => {
    expect(actorIn({ org: { department: 'Förskoleförvaltningen' } }, settings)).toBe('actor:ff');
    expect(actorIn({ org: { department: ['actor:fof'] } }, settings)).toBe('actor:fof');
  });

  it('is none when the claim is missing, unknown, or no claim is configured', () => {
    expect(actorIn({}, settings)).toBeNull();
    expect(actorIn({ org: { department: 'Okänd enhet' } }, settings)).toBeNull();
    expect(actorIn({ org: { department: 'actor:fof' } }, { actorMap: {} })).toBeNull();
  });

  it('comes from OIDC_ACTOR_CLAIM and OIDC_ACTOR_MAP, and a wrong pair is named', () => {
    const env = { OIDC_ISSUER: 'https://sso.example/realms/boras', OIDC_AUDIENCE: 'svk', OIDC_ACTOR_CLAIM: 'department', OIDC_ACTOR_MAP: 'Fritid=actor:fof' };
    expect(loadConfig(env).auth.oidc).toMatchObject({ actorClaim: 'department', actorMap: { Fritid: 'actor:fof' } });
    expect(() => loadConfig({ ...env, OIDC_ACTOR_MAP: 'Fritid=fof' })).toThrow(/OIDC_ACTOR_MAP.*"Fritid=fof" must be value=actor:<id>/);
  });
});
