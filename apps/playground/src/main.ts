import { PlaygroundApp } from "./app.js";
import { recordInWorker } from "./session/record-in-worker.js";

new PlaygroundApp(recordInWorker).start();
