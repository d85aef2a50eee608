import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";

export default function EpisodeNotFound() {
  return (
    <EmptyState title="Episode not found">
      <Link href="/runs">Back to all runs</Link>
    </EmptyState>
  );
}
