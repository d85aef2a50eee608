import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";

export default function DatasetNotFound() {
  return (
    <EmptyState title="Dataset not found">
      <Link href="/datasets">Back to datasets</Link>
    </EmptyState>
  );
}
