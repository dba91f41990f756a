/** Walks a texts object (messages/ or mock/texts.ts) into dotted keys; shared by the trace and agreement tests. */

export interface Leaf {
  key: string;
  value: string | ((...args: never[]) => string);
}

/** Every string, array item and function of a texts object, by dotted key (`forms.serviceTop.1`). */
export function leaves(obj: unknown, prefix: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = [...prefix, k];
    if (typeof v === 'string' || typeof v === 'function') out.push({ key: key.join('.'), value: v as Leaf['value'] });
    else if (Array.isArray(v)) v.forEach((item: unknown, i) => out.push(...leaves({ [i]: item }, key)));
    else if (v && typeof v === 'object' && !(v instanceof RegExp)) out.push(...leaves(v, key));
  }
  return out;
}

/** A deep copy that keeps functions (structuredClone cannot), for tests that change one text. */
export function copyTexts<T>(obj: T): T {
  if (Array.isArray(obj)) return obj.map(copyTexts) as T;
  if (obj && typeof obj === 'object' && !(obj instanceof RegExp)) {
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, copyTexts(v)])) as T;
  }
  return obj;
}
