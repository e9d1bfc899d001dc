import type { PolicyDocumentSummary } from '../api/documents.ts';
import { sv } from '../i18n/sv.ts';
import { text } from './text.ts';

/** A styrdokument as its form holds it: every field a string, '' for none; what it governs by id. */
export interface PolicyDocumentDraft {
  title: string;
  type: string;
  ownerId: string;
  /** ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD, as the document states it. */
  adopted: string;
  validUntil: string;
  /** Every activity, forum and effektmål it governs. */
  governsIds: string[];
}

export const emptyPolicyDocumentDraft = (): PolicyDocumentDraft => ({ title: '', type: '', ownerId: '', adopted: '', validUntil: '', governsIds: [] });

export function policyDocumentDraft(d: PolicyDocumentSummary, governs: readonly string[]): PolicyDocumentDraft {
  return { title: d.title, type: d.type ?? '', ownerId: d.owner?.id ?? '', adopted: d.adopted ?? '', validUntil: d.validUntil ?? '', governsIds: [...governs] };
}

/** What the server would refuse anyway, said first: a title. Dates are the server's to judge, at their fields. */
export function checkPolicyDocumentDraft(draft: PolicyDocumentDraft): Record<string, string> {
  return draft.title.trim() ? {} : { title: sv.edit.required };
}

/** The whole form as the mutations name it: an empty field is null, which clears it; what it governs whole. */
export function policyDocumentInput(draft: PolicyDocumentDraft): Record<string, unknown> {
  return {
    title: draft.title.trim(),
    type: draft.type || null,
    ownerId: draft.ownerId || null,
    adopted: text(draft.adopted),
    validUntil: text(draft.validUntil),
    governsIds: draft.governsIds,
  };
}
