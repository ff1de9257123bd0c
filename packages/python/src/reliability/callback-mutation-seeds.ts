/** How many generated callback-mutation programs have CPython's output committed. @internal */
export const CALLBACK_MUTATION_SEEDS = 120;
