/*
 * pymalloc-bench.c — the C anchor of the @pymem benchmarks.
 *
 * Runs one workload with CPython's pymalloc (PyObject_Malloc / PyObject_Free, after
 * Py_Initialize()) and with glibc's malloc / free, using exactly the random sequence the
 * TypeScript harness draws (bench/shared/workload-sequence.ts): the same xorshift32, the same seed,
 * the same draw order. It prints the sequence checksum so the harness can prove both sides ran
 * the same operations, then one line per run.
 *
 * Usage:
 *   pymalloc-bench <kind> <size> <units> <runs> <seed> [allocator ...]
 *     kind       churn | batch | lifo
 *     size       churn: live blocks; batch / lifo: blocks per round
 *     units      churn: steps; batch / lifo: rounds (each round allocates `size` blocks, frees them)
 *     runs       timed runs (one untimed warm-up run precedes them)
 *     seed       xorshift32 seed (non-zero)
 *     allocator  pymalloc | glibc (default: both)
 *
 * Output (one record per line, space separated):
 *   checksum <fnv1a-hex-of-the-whole-sequence>
 *   run <allocator> <run-index, 0 = warm-up> <elapsed-ns> <operations>
 *
 * Built by bench/shared/c-anchor.ts with the flags of `python3-config --cflags` and
 * `python3-config --ldflags --embed`, at -O2.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Sizes are uniform in [SIZE_MIN, SIZE_MIN + SIZE_SPAN - 1] = [16, 512]. */
#define SIZE_MIN 16u
#define SIZE_SPAN 497u

/* Keeps the compiler from dropping the one-byte store into a block it can see being freed
 * later (GCC knows malloc/free semantics), without costing an instruction. */
#define KEEP(pointer) __asm__ volatile("" : : "r"(pointer) : "memory")

typedef void *(*malloc_fn)(size_t);
typedef void (*free_fn)(void *);

static uint32_t rng_state;

/* Marsaglia's xorshift32 (13, 17, 5) — identical to bench/shared/xorshift32.ts. */
static inline uint32_t rng_next(void) {
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

static inline uint32_t draw_size(void) { return SIZE_MIN + rng_next() % SIZE_SPAN; }

static uint32_t fnv1a_update(uint32_t hash, const uint32_t *values, size_t count) {
    for (size_t i = 0; i < count; i++) {
        hash ^= values[i];
        hash *= 16777619u;
    }
    return hash;
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline void *glibc_malloc(size_t size) { return malloc(size); }
static inline void glibc_free(void *pointer) { free(pointer); }

/* The runners below are always inlined into these call sites, so every malloc/free in a timed
 * loop is a direct call (as in a C extension), not a call through a function pointer. */
#define RUN(kind_is_churn, do_malloc, do_free, sequence, size, units, live)        \
    ((kind_is_churn) ? run_churn(do_malloc, do_free, sequence, size, units, live) \
                     : run_batch(do_malloc, do_free, sequence, size, units, live))

/* The sequence of one workload, drawn before any clock starts. */
typedef struct {
    uint32_t *initial_sizes; /* churn: the live set's first sizes */
    uint32_t *slots;         /* churn: slot freed at each step; batch/lifo: free order */
    uint32_t *sizes;         /* churn: size allocated at each step; batch/lifo: sizes */
} sequence_t;

static void *checked_alloc(size_t count) {
    void *memory = calloc(count == 0 ? 1 : count, sizeof(uint32_t));
    if (memory == NULL) {
        fprintf(stderr, "out of memory drawing the sequence\n");
        exit(2);
    }
    return memory;
}

static uint32_t draw_sequence(const char *kind, size_t size, size_t units, uint32_t seed,
                              sequence_t *sequence) {
    rng_state = seed;
    uint32_t hash = 2166136261u;
    if (strcmp(kind, "churn") == 0) {
        sequence->initial_sizes = checked_alloc(size);
        sequence->slots = checked_alloc(units);
        sequence->sizes = checked_alloc(units);
        for (size_t i = 0; i < size; i++) sequence->initial_sizes[i] = draw_size();
        for (size_t step = 0; step < units; step++) {
            sequence->slots[step] = rng_next() % (uint32_t)size;
            sequence->sizes[step] = draw_size();
        }
        hash = fnv1a_update(hash, sequence->initial_sizes, size);
        hash = fnv1a_update(hash, sequence->slots, units);
        hash = fnv1a_update(hash, sequence->sizes, units);
    } else {
        sequence->initial_sizes = NULL;
        sequence->sizes = checked_alloc(size);
        sequence->slots = checked_alloc(size);
        for (size_t i = 0; i < size; i++) sequence->sizes[i] = draw_size();
        for (size_t i = 0; i < size; i++) sequence->slots[i] = (uint32_t)i;
        if (strcmp(kind, "batch") == 0) {
            /* Fisher–Yates from the top, as the TypeScript side does. */
            for (size_t i = size - 1; i > 0; i--) {
                uint32_t j = rng_next() % (uint32_t)(i + 1);
                uint32_t swap = sequence->slots[i];
                sequence->slots[i] = sequence->slots[j];
                sequence->slots[j] = swap;
            }
        } else {
            for (size_t i = 0; i < size; i++) sequence->slots[i] = (uint32_t)(size - 1 - i);
        }
        hash = fnv1a_update(hash, sequence->sizes, size);
        hash = fnv1a_update(hash, sequence->slots, size);
    }
    return hash;
}

/* One churn run: fill `size` live blocks (untimed), time `units` free-one-allocate-one steps,
 * free everything (untimed). Returns elapsed nanoseconds of the timed part. */
static inline __attribute__((always_inline)) uint64_t run_churn(malloc_fn do_malloc, free_fn do_free, const sequence_t *sequence,
                          size_t size, size_t units, unsigned char **live) {
    for (size_t i = 0; i < size; i++) {
        unsigned char *block = do_malloc(sequence->initial_sizes[i]);
        block[0] = 1;
        KEEP(block);
        live[i] = block;
    }
    const uint32_t *slots = sequence->slots;
    const uint32_t *sizes = sequence->sizes;
    uint64_t start = now_ns();
    for (size_t step = 0; step < units; step++) {
        uint32_t slot = slots[step];
        do_free(live[slot]);
        unsigned char *block = do_malloc(sizes[step]);
        block[0] = (unsigned char)step;
        KEEP(block);
        live[slot] = block;
    }
    uint64_t elapsed = now_ns() - start;
    for (size_t i = 0; i < size; i++) do_free(live[i]);
    return elapsed;
}

/* One batch (or LIFO) run: `units` rounds, each allocating `size` blocks then freeing them in
 * the drawn order; everything is timed. */
static inline __attribute__((always_inline)) uint64_t run_batch(malloc_fn do_malloc, free_fn do_free, const sequence_t *sequence,
                          size_t size, size_t units, unsigned char **live) {
    const uint32_t *order = sequence->slots;
    const uint32_t *sizes = sequence->sizes;
    uint64_t start = now_ns();
    for (size_t round = 0; round < units; round++) {
        for (size_t i = 0; i < size; i++) {
            unsigned char *block = do_malloc(sizes[i]);
            block[0] = (unsigned char)i;
            KEEP(block);
            live[i] = block;
        }
        for (size_t i = 0; i < size; i++) do_free(live[order[i]]);
    }
    return now_ns() - start;
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s <churn|batch|lifo> <size> <units> <runs> <seed> [pymalloc|glibc ...]\n",
                argv[0]);
        return 2;
    }
    const char *kind = argv[1];
    size_t size = strtoull(argv[2], NULL, 10);
    size_t units = strtoull(argv[3], NULL, 10);
    int runs = atoi(argv[4]);
    uint32_t seed = (uint32_t)strtoul(argv[5], NULL, 0);
    if (strcmp(kind, "churn") != 0 && strcmp(kind, "batch") != 0 && strcmp(kind, "lifo") != 0) {
        fprintf(stderr, "unknown workload kind: %s\n", kind);
        return 2;
    }
    if (size == 0 || units == 0 || runs < 1 || seed == 0) {
        fprintf(stderr, "size, units and runs must be positive and the seed non-zero\n");
        return 2;
    }

    sequence_t sequence;
    uint32_t checksum = draw_sequence(kind, size, units, seed, &sequence);
    printf("checksum %08x\n", checksum);
    printf("python %s\n", Py_GetVersion());
    fflush(stdout);

    unsigned char **live = calloc(size, sizeof(unsigned char *));
    if (live == NULL) return 2;

    Py_Initialize();
    int allocator_count = argc > 6 ? argc - 6 : 2;
    for (int a = 0; a < allocator_count; a++) {
        const char *name = argc > 6 ? argv[6 + a] : (a == 0 ? "pymalloc" : "glibc");
        int use_pymalloc = strcmp(name, "pymalloc") == 0;
        if (!use_pymalloc && strcmp(name, "glibc") != 0) {
            fprintf(stderr, "unknown allocator: %s\n", name);
            return 2;
        }
        int is_churn = strcmp(kind, "churn") == 0;
        size_t operations = is_churn ? units : size * units;
        for (int run = 0; run <= runs; run++) {
            uint64_t elapsed =
                use_pymalloc
                    ? RUN(is_churn, PyObject_Malloc, PyObject_Free, &sequence, size, units, live)
                    : RUN(is_churn, glibc_malloc, glibc_free, &sequence, size, units, live);
            printf("run %s %d %llu %zu\n", name, run, (unsigned long long)elapsed, operations);
            fflush(stdout);
        }
    }
    Py_Finalize();
    return 0;
}
