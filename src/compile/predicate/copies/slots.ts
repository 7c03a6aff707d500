/**
 * Which copy of the record-reading closures (sites.generated.ts) a field gets. Each distinct key (a field name, or
 * an i18n field and target) gets the next copy, in first-compiled order, so that the first SITE copies' worth of
 * fields each read through closures that never see another name. Past that, keys share copies round-robin: still
 * correct, only their loads may go polymorphic. The table only grows to MAX_REMEMBERED keys, so that a process
 * compiling filters for endless schemas keeps a bounded map; later keys fall back to a hash. Used by index.ts (this
 * folder) only.
 */
const MAX_REMEMBERED = 1024;

export class SlotTable {
  private readonly slots = new Map<string, number>();

  constructor(private readonly copies: number) {}

  slotOf(key: string): number {
    const known = this.slots.get(key);
    if (known !== undefined) return known;
    const slot = this.slots.size < MAX_REMEMBERED ? this.slots.size % this.copies : hash(key) % this.copies;
    if (this.slots.size < MAX_REMEMBERED) this.slots.set(key, slot);
    return slot;
  }
}

function hash(key: string): number {
  let h = 0;
  for (let index = 0; index < key.length; index += 1) h = (Math.imul(h, 31) + key.charCodeAt(index)) | 0;
  return h >>> 0;
}
