/**
 * Adds `value` to the list at `key`, starting the list if there is none: grouping that stays linear,
 * where `map.set(key, [...(map.get(key) ?? []), value])` copies the group for every member.
 * The web app uses it too, where `Map.groupBy` is newer than the browsers it is built for.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
