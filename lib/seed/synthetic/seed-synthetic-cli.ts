import { disconnectPrisma, getPrisma } from "../../db/client";
import { seedSyntheticData } from "./seed-synthetic-data";

/**
 * Development seed: `DATABASE_URL=… npx tsx lib/seed/synthetic/seed-synthetic-cli.ts [problems] [rollouts]`.
 * Adds a synthetic dataset and four runs to whatever database DATABASE_URL names.
 */
async function main() {
  const [problems, rollouts, lines] = process.argv.slice(2).map(Number);
  const started = Date.now();
  const result = await seedSyntheticData(getPrisma(), {
    problems: problems || undefined,
    rollouts: rollouts || undefined,
    programLines: lines || undefined,
    log: (l) => console.log(l),
  });
  console.log(`seeded ${result.episodes} episodes in ${result.runIds.length} runs (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`runs: ${result.runIds.join(", ")}`);
  await disconnectPrisma();
}

main().catch(async (error) => {
  console.error(error);
  await disconnectPrisma();
  process.exit(1);
});
