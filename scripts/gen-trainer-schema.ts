// Rewrites the JSON Schema the trainer validates run registrations against (lib/trainer-api/trainer-contract.ts).
import fs from "node:fs";
import { TRAINER_SCHEMA_PATH, trainerRunSpecJsonSchema } from "../lib/trainer-api/trainer-contract";

fs.writeFileSync(TRAINER_SCHEMA_PATH, trainerRunSpecJsonSchema());
console.log(`wrote ${TRAINER_SCHEMA_PATH}`);
