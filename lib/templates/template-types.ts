// A flow template is data: what the gallery card shows, the connections it asks for, and a
// flow definition whose connection fields name a slot ("$slot:<key>") instead of an id.
// instantiateTemplate() (instantiate-template.ts) fills the slots with the chosen connections.

export interface TemplateSlot {
  /** Referenced in the definition as `$slot:<key>`. */
  key: string;
  /** The connector whose connections fit here. */
  connector: string;
  label: string;
}

export interface FlowTemplate {
  slug: string;
  name: string;
  description: string;
  /** Connectors shown on the card, source first. */
  connectors: string[];
  /** What starts the flow, in a few words. */
  triggerLabel: string;
  slots: TemplateSlot[];
  /** What to fill in after creating the flow (ids only the user knows, signing secrets). */
  afterCreate: string[];
  /** A flow definition (JSON) with `$slot:<key>` where a connection id goes. */
  definition: Record<string, unknown> & { name: string; steps: unknown[] };
}

export const SLOT_PREFIX = "$slot:";
export const slot = (key: string) => `${SLOT_PREFIX}${key}`;
