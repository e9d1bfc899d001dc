/** Every text the user reads, in one place. */
export const sv = {
  views: { network: 'Nätverk' },
  state: {
    loading: 'Laddar …',
    empty: 'Inget att visa.',
    error: (message: string) => `Kunde inte hämta data: ${message}`,
  },
  network: {
    title: 'Vem arbetar med vem',
    intro: 'Aktörer som delar forum, ansvar för en aktivitet eller en samverkan. Tjockare linje: starkare relation.',
    graphLabel: 'Nätverksgraf över aktörer och deras samarbeten',
    select: 'Välj en aktör eller en relation i grafen för att se varför de arbetar tillsammans.',
    tableSummary: 'Relationer i tabellform',
    columns: { actors: 'Aktörer', strength: 'Styrka', reasons: 'Skäl' },
    actorForums: 'Forum',
    actorRelations: 'Arbetar med',
    noForums: 'Inga forum registrerade.',
  },
  sectors: {
    KOMMUN: 'Kommun',
    REGION: 'Region',
    STAT: 'Stat',
    CIVILSAMHALLE: 'Civilsamhälle',
    NARINGSLIV: 'Näringsliv',
    AKADEMI: 'Akademi',
    OVRIG: 'Övrig',
  } as Record<string, string>,
  roles: {
    ORDFORANDE: 'ordförande',
    SAMMANKALLANDE: 'sammankallande',
    LEDAMOT: 'ledamot',
    ADJUNGERAD: 'adjungerad',
  } as Record<string, string>,
};
