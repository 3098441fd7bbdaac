import type { Database } from '../../db/client';
import type { ComponentStatus, IncidentRow, IncidentUpdateRow } from '../../db/schema/index';
import type { ActionContext } from '../auth/actor';
import { previewIncidentBroadcast, type BroadcastPreview } from '../broadcast/preview-incident-broadcast';
import type { Config } from '../config';
import { incidentFieldsAfter } from './apply-update-to-incident';
import { createIncident, type NewIncident } from './create-incident';
import { draftUpdate } from './draft-update';
import { editUpdate } from './edit-update';
import { findPendingUpdate, loadIncident } from './incident-records';
import { getIncidentDetail } from './read-incidents';
import type { UpdateContent } from './update-content';

/** What a draft form would save: a new incident with its first update, the next update, or changes to the pending one. */
export type UnsavedDraft =
  | { kind: 'new'; incident: NewIncident }
  | { kind: 'update'; incidentId: string; content: UpdateContent }
  | { kind: 'edit'; incidentId: string; updateId: string; content: UpdateContent };

export type DraftPreview = {
  /** The incident as the public would see it once the draft is published. */
  incident: IncidentRow;
  components: Record<string, ComponentStatus>;
  update: IncidentUpdateRow;
  broadcast: BroadcastPreview;
};

/** Carries the preview out of the transaction it is computed in, which then rolls back. */
class PreviewComputed extends Error {
  constructor(readonly preview: DraftPreview) {
    super('preview computed; rolling back');
  }
}

/**
 * Previews an unsaved draft with the very code that saves and publishes it: inside one
 * transaction the draft is saved by the same domain function (so the same rules refuse it, with
 * the same field errors), previewed by the same function the API's preview uses (X post, emails,
 * appointments moved), and the public view computed by the publish rule; then everything is
 * rolled back, so nothing is saved or audited.
 */
export async function previewDraft(db: Database, config: Config, draft: UnsavedDraft, context: ActionContext): Promise<DraftPreview> {
  try {
    await db.transaction(async (tx) => {
      let incidentId: string;
      if (draft.kind === 'new') incidentId = (await createIncident(tx, draft.incident, context)).incident.id;
      else if (draft.kind === 'update') incidentId = (await draftUpdate(tx, draft.incidentId, draft.content, context)).incidentId;
      else incidentId = (await editUpdate(tx, draft.incidentId, draft.updateId, draft.content, context)).incidentId;
      const incident = await loadIncident(tx, incidentId);
      const update = await findPendingUpdate(tx, incidentId);
      if (!update) throw new Error('A draft just saved is missing.');
      const broadcast = await previewIncidentBroadcast(tx, config, incidentId, { now: context.now });
      const { components } = await getIncidentDetail(tx, incidentId);
      throw new PreviewComputed({
        incident: { ...incident, ...incidentFieldsAfter(incident, update, context.now.toISOString()) },
        components: { ...components, ...update.components },
        update,
        broadcast,
      });
    });
  } catch (error) {
    if (error instanceof PreviewComputed) return error.preview;
    throw error;
  }
  throw new Error('The preview transaction ended without a preview.');
}

/** The same preview for the update already waiting (what a reviewer approves), computed from what is stored. */
export async function previewPendingUpdate(db: Database, config: Config, incidentId: string, now: Date): Promise<DraftPreview> {
  const incident = await loadIncident(db, incidentId);
  const update = await findPendingUpdate(db, incidentId);
  const broadcast = await previewIncidentBroadcast(db, config, incidentId, { now });
  if (!update) throw new Error('The pending update disappeared while it was previewed.');
  const { components } = await getIncidentDetail(db, incidentId);
  return {
    incident: { ...incident, ...incidentFieldsAfter(incident, update, now.toISOString()) },
    components: { ...components, ...update.components },
    update,
    broadcast,
  };
}
