import type { ReactNode } from "react";

/**
 * The dashboard's table: a scrolling bordered frame (`.table-wrap`), one header row and the body rows.
 * Test ids and classes go where the pages have always put them: on the frame or on the table.
 */
export function DataTable({
  head,
  children,
  className,
  frameTestId,
  tableClassName,
  testId,
  after,
}: {
  /** the header row's cells */
  head: ReactNode;
  /** the body rows */
  children: ReactNode;
  /** a class added to the frame's `table-wrap` */
  className?: string;
  frameTestId?: string;
  tableClassName?: string;
  testId?: string;
  /** shown inside the frame below the table (a note on what the rows leave out) */
  after?: ReactNode;
}) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} data-testid={frameTestId}>
      <table className={tableClassName} data-testid={testId}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}
