/** The one function the tests use of js-yaml (a dev dependency without its own types). */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
