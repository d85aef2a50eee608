// Rewrites the JSON Schema the trainer validates run registrations against (lib/training/trainer-contract.ts).
import fs from "node:fs";
import { TRAINER_SCHEMA_PATH, trainerRunSpecJsonSchema } from "../lib/training/trainer-contract";

fs.writeFileSync(TRAINER_SCHEMA_PATH, trainerRunSpecJsonSchema());
console.log(`wrote ${TRAINER_SCHEMA_PATH}`);
