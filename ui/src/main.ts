import { mount } from "svelte";
import App from "./App.svelte";
import { appearance } from "./features/appearance/store.svelte";
import "./ui/app.css";

// The app never navigates: links inside rendered entries and previews are
// inert, whatever the mouse button or key that activated them, and offer no
// menu ("open in a new window", "download the linked file").
function stayHere(event: Event): void {
  const target = event.target;
  if (target instanceof Element && target.closest("a")) event.preventDefault();
}
document.addEventListener("click", stayHere, true);
document.addEventListener("auxclick", stayHere, true);
document.addEventListener("contextmenu", stayHere, true);

// Dropping a file on the window must not open it in place of the app.
function refuseFiles(event: DragEvent): void {
  if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
}
document.addEventListener("dragover", refuseFiles);
document.addEventListener("drop", refuseFiles);

const target = document.getElementById("app");
if (target === null) throw new Error("index.html has no #app element");

// The theme and text size chosen in Settings, before anything is drawn (at most
// a moment: without an answer the page is drawn in the desktop's own).
await appearance.load();

export default mount(App, { target });
