/** cytoscape-svg ships no types: it is a Cytoscape extension that adds `cy.svg(options)`. */
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}
