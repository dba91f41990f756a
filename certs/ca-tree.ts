/** Lookups over the definition's CA hierarchy. */
import { CA_DEFINITIONS, type CaDefinition, type CaId } from './definition';

export function caDef(id: CaId): CaDefinition {
  const d = CA_DEFINITIONS.find((c) => c.id === id);
  if (!d) throw new Error(`Unknown CA id ${id}`);
  return d;
}

/** The root above `id` (itself for a root). */
export function rootOf(id: CaId): CaId {
  const d = caDef(id);
  return d.issuer === null ? id : rootOf(d.issuer);
}
