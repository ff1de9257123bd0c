import type { Collector } from "@pymem/core";
import {
  BaconRajanCollector,
  GenerationalCollector,
  IncrementalCollector,
  type ManagedCollector,
} from "@pymem/gc";
import { COLLECTOR_NAMES, type CollectorName, type TextSink } from "./api.js";

/**
 * Thrown by {@link createRuntime} for a collector name it does not know; the message lists the
 * valid ones.
 *
 * @example
 * ```ts
 * try { createRuntime({ collector: "mark-sweep" as CollectorName }); }
 * catch (error) { if (error instanceof UnknownCollectorError) console.log(error.validNames); }
 * ```
 */
export class UnknownCollectorError extends RangeError {
  /** The name that was asked for. */
  readonly requested: string;
  /** The names that would have worked. */
  readonly validNames: readonly CollectorName[] = COLLECTOR_NAMES;

  constructor(requested: string) {
    super(
      `unknown collector ${JSON.stringify(requested)}: expected one of ${COLLECTOR_NAMES.map((name) => JSON.stringify(name)).join(", ")}, or an object implementing Collector`,
    );
    this.name = "UnknownCollectorError";
    this.requested = requested;
  }
}

/**
 * Builds the collector a {@link CollectorName} stands for, or `undefined` for `"none"`.
 *
 * @example
 * ```ts
 * const collector = collectorByName("generational-3.12", (text) => process.stderr.write(text));
 * ```
 */
export function collectorByName(name: string, debugSink: TextSink): Collector | undefined {
  switch (name) {
    case "generational":
      return new GenerationalCollector({ profile: "3.13", debugSink });
    case "generational-3.12":
      return new GenerationalCollector({ profile: "3.12", debugSink });
    case "incremental":
      return new IncrementalCollector({ debugSink });
    case "bacon-rajan":
      return new BaconRajanCollector({ debugSink });
    case "none":
      return undefined;
    default:
      throw new UnknownCollectorError(name);
  }
}

/**
 * Whether a collector also implements `@pymem/gc`'s `ManagedCollector` (what `GcModule` drives):
 * every collector `@pymem/gc` ships does, a hand-written one may not.
 *
 * @example
 * ```ts
 * if (isManagedCollector(collector)) new GcModule(collector).collect();
 * ```
 */
export function isManagedCollector(collector: Collector): collector is ManagedCollector {
  const candidate = collector as Partial<ManagedCollector>;
  return (
    typeof candidate.generationCount === "number" &&
    typeof candidate.getCount === "function" &&
    typeof candidate.getThreshold === "function" &&
    typeof candidate.setThreshold === "function" &&
    typeof candidate.objects === "function" &&
    typeof candidate.generationStats === "function" &&
    typeof candidate.attachedHost === "function" &&
    Array.isArray(candidate.garbage) &&
    Array.isArray(candidate.callbacks)
  );
}
