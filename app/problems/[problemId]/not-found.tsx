import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";

export default function ProblemNotFound() {
  return (
    <EmptyState title="Problem not found">
      <Link href="/datasets">Back to datasets</Link>
    </EmptyState>
  );
}
