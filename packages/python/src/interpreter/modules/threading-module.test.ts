import { describe, expect, it } from "vitest";
import { runCaptured } from "./run-python.js";

describe("threading on one thread (CPython's WebAssembly build)", () => {
  it("Thread.start() raises CPython's RuntimeError; the thread stays unstarted", () => {
    const run = runCaptured(
      "import threading\nt = threading.Thread(target=print)\ntry:\n    t.start()\nexcept RuntimeError as e:\n    print(e, t.is_alive())\n",
      "t.py",
    );
    expect(run.stdout).toBe("can't start new thread False\n");
    run.interpreter.dispose();
  });

  it("a wait only another thread could end raises instead of hanging", () => {
    const run = runCaptured(
      "import threading\nlock = threading.Lock()\nlock.acquire()\nfor wait in (lock.acquire, threading.Event().wait):\n    try:\n        wait()\n    except RuntimeError as e:\n        print(e)\n",
      "t.py",
    );
    expect(run.stdout).toBe(
      "acquiring a held lock would wait forever: this interpreter runs one thread\n" +
        "Event.wait() without a timeout would wait forever: this interpreter runs one thread\n",
    );
    run.interpreter.dispose();
  });
});
