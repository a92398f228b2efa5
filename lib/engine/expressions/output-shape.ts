/**
 * The layout of a mapping's output records. Records are cloned from a blank object whose
 * properties are already defined (spread defines, never sets), so every write below only updates
 * an own data property and can never reach a setter on Object.prototype. Plain `{}` objects stay
 * fast and print normally, unlike null-prototype ones.
 */

/** Output object layout: keys in order; each slot is a field index or a nested layout. */
export interface Shape {
  keys: string[];
  slots: (number | Shape)[];
  /** An object with every key already defined (value undefined), cloned per record. */
  blank: Record<string, unknown>;
}

/** The layout for dotted destination names, in order (field i's value goes to slot i). */
export function buildShape(destinations: readonly string[]): Shape {
  const root: Shape = { keys: [], slots: [], blank: {} };
  destinations.forEach((destination, index) => {
    const segments = destination.split(".");
    let node = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const at = node.keys.indexOf(segments[i]);
      if (at >= 0 && typeof node.slots[at] !== "number") {
        node = node.slots[at] as Shape;
        continue;
      }
      const child: Shape = { keys: [], slots: [], blank: {} };
      node.keys.push(segments[i]);
      node.slots.push(child);
      node = child;
    }
    node.keys.push(segments[segments.length - 1]);
    node.slots.push(index);
  });
  defineBlanks(root);
  return root;
}

function defineBlanks(shape: Shape): void {
  for (let i = 0; i < shape.keys.length; i++) {
    Object.defineProperty(shape.blank, shape.keys[i], { value: undefined, enumerable: true, writable: true, configurable: true });
    const slot = shape.slots[i];
    if (typeof slot !== "number") defineBlanks(slot);
  }
}

/** The record's object, or undefined when no field under this shape has a value. */
export function buildRecord(shape: Shape, values: readonly unknown[]): Record<string, unknown> | undefined {
  // Spread defines properties (never calls setters); every key below is then an own property.
  const out: Record<string, unknown> = { ...shape.blank };
  let present = 0;
  for (let i = 0; i < shape.keys.length; i++) {
    const slot = shape.slots[i];
    const value = typeof slot === "number" ? values[slot] : buildRecord(slot, values);
    if (value === undefined) delete out[shape.keys[i]];
    else {
      out[shape.keys[i]] = value;
      present++;
    }
  }
  return present ? out : undefined;
}
