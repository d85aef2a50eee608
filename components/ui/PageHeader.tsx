import type { ReactNode } from "react";

/** A detail page's top: the breadcrumb trail, then the title with what stands beside it (counts, links, actions). */
export function PageHeader({
  crumbs,
  title,
  titleTestId,
  children,
}: {
  crumbs: ReactNode;
  title: ReactNode;
  titleTestId?: string;
  /** shown after the title in the header row */
  children?: ReactNode;
}) {
  return (
    <>
      <div className="crumbs">{crumbs}</div>
      <div className="page-header">
        <h1 data-testid={titleTestId}>{title}</h1>
        {children}
      </div>
    </>
  );
}
