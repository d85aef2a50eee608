import { describe, expect, it } from "vitest";
import { episodeDetailSelect, episodeTurnSelect } from "./episodes/get-episode-with-turns";
import { problemDetailSelect } from "./problems/get-problem";
import { findHeavyFields } from "./heavy-columns";
import { datasetListSelect } from "./datasets/list-datasets";
import { problemListSelect } from "./datasets/list-dataset-problems";
import { episodeListSelect } from "./episodes/list-episodes";
import { problemRunStatSelect } from "./problems/list-problem-run-stats";
import { runListSelect } from "./runs/list-runs";

describe("list selects never read heavy columns", () => {
  it.each([
    ["runs list", runListSelect, "Run"],
    ["episode list", episodeListSelect, "Episode"],
    ["dataset problems list", problemListSelect, "Problem"],
    ["problem run stats", problemRunStatSelect, "Other"],
    ["datasets list", datasetListSelect, "Dataset"],
  ] as const)("%s", (_name, select, model) => {
    expect(findHeavyFields(select, model)).toEqual([]);
  });

  it("a list select that slipped a heavy column in would be caught", () => {
    expect(findHeavyFields({ ...episodeListSelect, problem: { select: { name: true, description: true } } }, "Episode")).toEqual([
      "problem.description",
    ]);
  });

  it("the detector does find heavy fields, nested ones included (detail selects read them on purpose)", () => {
    expect(findHeavyFields(episodeDetailSelect, "Episode")).toEqual(["problem.description"]);
    expect(findHeavyFields(episodeTurnSelect, "Turn")).toEqual(["code", "testResults", "feedback", "finalResults"]);
    // the episode page fetches the reply, the exact messages and token data on demand only
    expect(findHeavyFields(problemDetailSelect, "Problem")).toEqual(["description"]);
  });
});
