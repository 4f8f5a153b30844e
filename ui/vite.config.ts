/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

/**
 * Tauri freezes Object.prototype (app.security.freezePrototype), so no script
 * can pollute the prototypes the IPC layer relies on. One line of ECharts
 * breaks under it: to mock a class it copies every enumerable name of the
 * prototype onto a plain object, "constructor" included, and assigning
 * `{}.constructor` fails once Object.prototype is frozen. Defining the
 * property instead of assigning it does the same thing without touching the
 * frozen prototype. If ECharts changes that line, the build fails here rather
 * than the app failing blank at start.
 */
function echartsUnderFrozenPrototypes(): Plugin {
  const file = /node_modules\/echarts\/lib\/core\/Scheduler\.js$/;
  const line = "target[name_1] = noop;";
  return {
    name: "mend:echarts-frozen-prototypes",
    transform(code, id) {
      if (!file.test(id)) return null;
      if (!code.includes(line)) {
        throw new Error("echarts/lib/core/Scheduler.js changed: re-check it under a frozen Object.prototype");
      }
      return code.replace(
        line,
        "Object.defineProperty(target, name_1, { value: noop, writable: true, configurable: true, enumerable: true });",
      );
    },
  };
}

// The app runs under a strict CSP (script-src 'self'; style-src 'self'), so
// the build must not produce inline scripts, inline styles or data: assets.
export default defineConfig({
  plugins: [
    echartsUnderFrozenPrototypes(),
    svelte({
      // Component styles go to the extracted CSS file, never to a runtime <style> tag.
      emitCss: true,
      compilerOptions: { css: "external" },
    }),
    // Component tests (*.test.ts beside a component, in jsdom) mount it in the browser build.
    svelteTesting({ autoCleanup: true }),
  ],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
