import { html, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import { ACTORS_PAGE, type ActorSummary, type Instrument, INSTRUMENT_QUERY, type InstrumentData } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';
import { CONTEXT_WEIGHT } from '../../server/analysis/working-relations.ts';
import { dataTable, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView } from './view.ts';

/**
 * Ordlista: the short names the map uses, from the actors themselves (so a new
 * actor's abbreviation is listed the day it is added), the domain's words, and
 * the taxonomy's levels as the assessment's statements describe them.
 */
export class GlossaryView extends GraphView {
  protected readonly fileName = 'ordlista';
  private actors: ActorSummary[] = [];
  private instrument: Instrument | null = null;

  protected async start(): Promise<void> {
    const data = await this.request((signal) =>
      Promise.all([allNodes<ActorSummary>(ACTORS_PAGE, { filter: null }, signal), graphql<InstrumentData>(INSTRUMENT_QUERY, {}, signal)]),
    );
    if (!data) return;
    this.actors = data[0];
    this.instrument = data[1].taxonomyInstrument;
    this.status = DONE;
    this.update();
  }

  protected template(): TemplateResult {
    const g = sv.glossary;
    const abbreviations = abbreviationTable(this.actors);
    const levels = this.instrument ? levelTable(this.instrument) : null;
    const ready = this.status.state === 'done';
    return html`
      ${viewHeading(g.title, g.intro)}
      ${statusLine(this.status)}
      <div class="glossary" ?hidden=${!ready}>
        <section aria-labelledby="abbreviations-heading">
          <h3 id="abbreviations-heading">${g.abbreviations}</h3>
          ${dataTable(abbreviations, { onCsv: () => this.saveCsv(abbreviations, '-forkortningar') })}
        </section>
        <section aria-labelledby="terms-heading">
          <h3 id="terms-heading">${g.terms}</h3>
          <dl class="terms">
            ${[...g.words, [g.strength, sv.network.strengthHelp(CONTEXT_WEIGHT)] as const].map(([term, meaning]) => html`<dt>${term}</dt><dd>${meaning}</dd>`)}
            ${this.instrument
              ? html`<dt>${g.layer}</dt>
                  <dd>${g.layerMeaning} ${this.instrument.layers.map((l) => `${l.layer} ${l.name}`).join(', ')}.</dd>`
              : ''}
          </dl>
        </section>
        ${levels
          ? html`<section aria-labelledby="levels-heading">
              <h3 id="levels-heading">${g.levels}</h3>
              <p class="intro">${g.levelsIntro}</p>
              ${dataTable(levels, { onCsv: () => this.saveCsv(levels, '-nivaer') })}
            </section>`
          : ''}
      </div>
    `;
  }
}

/** Every actor's short name beside its full name, in the order of the short names. */
export function abbreviationTable(actors: readonly ActorSummary[]): TableModel {
  const c = sv.glossary.columns;
  return {
    caption: sv.glossary.abbreviationsCaption,
    columns: [c.short, c.name, c.kind],
    rows: actors
      .filter((a): a is ActorSummary & { shortName: string } => Boolean(a.shortName))
      .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
      .map((a) => ({ key: a.id, cells: [a.shortName, a.name, label(sv.kinds, a.kind)] })),
  };
}

/** The five levels, each with what the instrument's statements say it looks like in each skikt. */
export function levelTable(instrument: Instrument): TableModel {
  const c = sv.glossary.columns;
  return {
    caption: sv.glossary.levelsCaption,
    columns: [c.level, ...instrument.layers.map((l) => `${l.layer} ${l.name}`)],
    rows: instrument.levels.map((level) => ({
      key: level.level,
      cells: [`${level.value}. ${level.name}`, ...instrument.layers.map((l) => l.items.map((i) => `${i.name}: ${i.statements[level.value - 1] ?? ''}`).join(' '))],
    })),
  };
}
