import { Prisma } from "../../db/generated/client";
import { FUNCTION_TEST_TAG } from "../../sandbox/function-test";

const FUNCTION_SPEC_START = `{"rlef":"${FUNCTION_TEST_TAG}"`;

/**
 * A stored test `t.test` as pages show it, cut in SQL: a stdin/stdout test as it is; a function-call test
 * (lib/function-tasks), whose input is a JSON spec, as what its feedback calls it: the assert or call
 * (`show`) and, for a call, the expected value. The spec is parsed here, so one longer than the cut
 * still shows. Joins `f` (the spec, or null) and `v` (input, output).
 */
export const TEST_VIEW_JOINS = Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT CASE WHEN starts_with(t.test->>'input', ${FUNCTION_SPEC_START}) THEN (t.test->>'input')::jsonb END AS spec
    ) f
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN f.spec IS NULL THEN t.test->>'input' ELSE f.spec->>'show' END AS input,
        CASE WHEN f.spec IS NULL THEN t.test->>'output'
          WHEN f.spec->>'mode' <> 'call' THEN ''
          ELSE coalesce(f.spec->'expected'->>'py', f.spec->'expected'->>'json',
            CASE WHEN f.spec->'expected' ? 'sha256'
              THEN '(an output of ' || (f.spec->'expected'->>'length') || ' characters, compared by its sha256)'
              ELSE '(a value stored as a pickle, compared in the sandbox)' END)
        END AS output
    ) v`;

/** The columns the joins give: isFunction, input, inputLength, output, outputLength. */
export const TEST_VIEW_COLUMNS = (maxChars: number) => Prisma.sql`f.spec IS NOT NULL AS "isFunction",
      left(v.input, ${maxChars}) AS input, length(v.input) AS "inputLength",
      left(v.output, ${maxChars}) AS output, length(v.output) AS "outputLength"`;
