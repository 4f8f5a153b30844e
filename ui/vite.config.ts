/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app runs under a strict CSP (script-src 'self'; style-src 'self'), so
// the build must not produce inline scripts, inline styles or data: assets.
export default defineConfig({
  plugins: [
    svelte({
      // Component styles go to the extracted CSS file, never to a runtime <style> tag.
      emitCss: true,
      compilerOptions: { css: "external" },
    }),
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
