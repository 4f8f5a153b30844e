// The checklist's panels (the marking form, the evidence picker) close on
// Escape, and that Escape goes no further (nothing behind them reacts to it).

export function closeOnEscape(event: KeyboardEvent, close: () => void): void {
  if (event.key !== "Escape") return;
  event.preventDefault();
  event.stopPropagation();
  close();
}
