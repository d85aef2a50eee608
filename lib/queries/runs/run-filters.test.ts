import { describe, expect, it } from "vitest";
import { buildRunWhere } from "./list-runs";
import { isLiveStatus, parseRunFilters, runFiltersToParams } from "./run-filters";

describe("run filters", () => {
  it("parses valid filters, drops invalid ones and round-trips", () => {
    const filters = parseRunFilters(new URLSearchParams("kind=TRAIN&status=DONE&sort=name&q=base"));
    expect(filters).toEqual({ kind: "TRAIN", sort: "name", q: "base" });
    expect(runFiltersToParams(filters).toString()).toBe("kind=TRAIN&q=base&sort=name");
  });
  it("builds the where clause", () => {
    expect(buildRunWhere({ kind: "EVAL", status: "RUNNING", dataset: "d1", q: "x" })).toEqual({
      kind: "EVAL",
      status: "RUNNING",
      datasetId: "d1",
      name: { contains: "x", mode: "insensitive" },
    });
  });
  it("polls only queued and running runs", () => {
    expect(["QUEUED", "RUNNING", "PAUSED", "COMPLETED"].map(isLiveStatus)).toEqual([true, true, false, false]);
  });
});
