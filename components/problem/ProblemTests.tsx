import Link from "next/link";
import type { TestExcerpt, TestList } from "@/lib/queries/episodes/get-test-excerpts";
import { DataTable } from "@/components/ui/DataTable";

/** One of a problem's test lists, a slice at a time, inputs and outputs cut server-side. */
export function ProblemTests({
  list,
  total,
  tests,
  offset,
  pageSize,
  hrefFor,
}: {
  list: TestList;
  total: number;
  tests: TestExcerpt[];
  offset: number;
  pageSize: number;
  hrefFor: (list: TestList, offset: number) => string;
}) {
  return (
    <div className="panel" data-testid={`tests-${list}`}>
      <h3>
        {list} tests{" "}
        <span className="muted" style={{ fontWeight: 400 }}>
          ({total})
        </span>
      </h3>
      {total === 0 ? (
        <div className="muted">none</div>
      ) : (
        <DataTable
          tableClassName="test-table"
          head={
            <>
              <th>#</th>
              <th>input</th>
              <th>expected output</th>
            </>
          }
        >
          {tests.map((t) => (
            <tr key={t.index}>
              <td>{t.index + 1}</td>
              <td>
                <pre>{t.input}</pre>
                {t.inputLength > t.input.length ? (
                  <span className="muted" style={{ fontSize: 11 }}>
                    first {t.input.length.toLocaleString("en-US")} of {t.inputLength.toLocaleString("en-US")} chars
                  </span>
                ) : null}
              </td>
              <td>
                <pre>{t.output}</pre>
                {t.outputLength > t.output.length ? (
                  <span className="muted" style={{ fontSize: 11 }}>
                    first {t.output.length.toLocaleString("en-US")} of {t.outputLength.toLocaleString("en-US")} chars
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {total > pageSize ? (
        <div className="pager" style={{ marginTop: 6, fontSize: 12 }}>
          <span className="muted">
            {offset + 1}–{Math.min(total, offset + tests.length)} of {total}
          </span>
          {offset > 0 ? (
            <Link href={hrefFor(list, Math.max(0, offset - pageSize))} scroll={false}>
              ‹ previous
            </Link>
          ) : null}
          {offset + pageSize < total ? (
            <Link href={hrefFor(list, offset + pageSize)} scroll={false}>
              next ›
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
