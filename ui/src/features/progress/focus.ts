// Moving focus to an element the next render brings (a form that opens, the
// button a closed panel came from), so keyboard users keep their place.

import { tick } from "svelte";

/** Focuses the element with this id once the page has updated, if it is there. */
export async function focusSoon(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}
