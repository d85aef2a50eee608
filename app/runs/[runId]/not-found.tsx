import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";

export default function RunNotFound() {
  return (
    <EmptyState title="Run not found">
      <Link href="/runs">Back to all runs</Link>
    </EmptyState>
  );
}
