/** When a forum, activity or collaboration held (see validity.ts). */
export interface Validity {
  validFrom?: string | null;
  validTo?: string | null;
}

/** Input fields for the validity of a node, for create and update inputs. */
export const validityInputFields = {
  validFrom: { required: false, description: 'Since when it holds: ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD; none: as long as the map knows.' },
  validTo: { required: false, description: 'Until when it held (ended): ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD; none while it lasts.' },
} as const;
