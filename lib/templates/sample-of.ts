import { getTrigger } from "@/lib/connectors";

/** A connector trigger's representative payload, for a template's trigger sample. */
export const sampleOf = (connector: string, trigger = "webhook") => getTrigger(connector, trigger)?.sample ?? {};
