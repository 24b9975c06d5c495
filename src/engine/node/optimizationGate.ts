import * as v8 from 'v8';
import { ProgressEvent } from '../pipeline/progress';

/**
 * Inputs of at least this many bytes are profiled with V8's optimizing compiler (TurboFan).
 * Measured on the bench data (2 cores, 1 worker, CPU time, medians of interleaved runs), holding it
 * back for the whole run: 2 MB of captures 0.29 → 0.22 s (baseline) and 0.29 → 0.21 s (monitor),
 * 8 MB 0.29 → 0.25 s at the same wall time; at 16 MB the CPU time was the same and the wall time
 * 20 % longer, and a CSV file holds about three times the rows of captures of its size (2.7 MB:
 * 0.30 → 0.25 s CPU, +4 % wall; 5.5 MB: −6 % CPU, +16 % wall).
 */
export const OPTIMIZE_FROM_BYTES = 4 * 1024 * 1024;

/** The commands that profile an input and report its size in a `start` progress event. */
const GATED_COMMANDS = new Set(['baseline', 'monitor', 'profile']);

/** Flags by which a user chooses V8's compilers; a run given any of them leaves them alone. */
const TIERING_FLAGS = /--(no-)?(opt|turbofan|maglev|sparkplug)\b|--max-opt\b|--jitless\b/;

export interface OptimizationGate {
  /** Opens the gate when the run's input turns out to be large. */
  observe(event: ProgressEvent): void;
  /**
   * Opens the gate (idempotent): at the end of every run, before the process exits. The launcher
   * writes its code cache at exit, and V8 rejects a cache made under other flags than the next
   * run compiles with (for the same reason the gate is not closed before the bundle compiles).
   */
  open(): void;
}

/**
 * Holds back TurboFan while a profiling command runs on a small input. On a small input our code is
 * hot for a fraction of a second: V8 compiles the hottest functions on a helper thread, and that
 * work finishes too late to pay for itself. Large inputs need the optimized code (a 100 MB run is
 * 1.7x slower without it), so the gate opens as soon as the input is known to be at least
 * OPTIMIZE_FROM_BYTES. Results never depend on which compiler ran.
 */
export function holdOptimization(
  command: string,
  environment: { execArgv: string[]; nodeOptions?: string } = {
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS
  }
): OptimizationGate {
  const userChose =
    environment.execArgv.some(flag => TIERING_FLAGS.test(flag)) ||
    TIERING_FLAGS.test(environment.nodeOptions ?? '');
  let held = GATED_COMMANDS.has(command) && !userChose;
  if (held) {
    v8.setFlagsFromString('--no-turbofan');
  }
  const open = (): void => {
    if (held) {
      held = false;
      v8.setFlagsFromString('--turbofan');
    }
  };
  return {
    observe: event => {
      if (event.type === 'start' && event.bytesTotal >= OPTIMIZE_FROM_BYTES) {
        open();
      }
    },
    open
  };
}
