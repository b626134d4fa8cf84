/** Svelte 5 runes everywhere: no legacy component syntax. */
export default {
  compilerOptions: { runes: true }
}
