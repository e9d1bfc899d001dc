import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isRelationship, isTime } from 'neo4j-driver';

/**
 * Neo4j values → plain values at the boundary: Integers become numbers,
 * temporals ISO strings (as the embedded engine returns them), nodes and
 * relationships their properties.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value))
    return value.toString();
  if (isNode(value) || isRelationship(value)) return toNative(value.properties);
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toNative(v)]));
  }
  return value;
}

/**
 * Plain parameters → Neo4j: the driver sends every JS number as a float, so
 * whole numbers go as Integers (SKIP, LIMIT and counts need them).
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}
