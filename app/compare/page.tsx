import { ComparePage } from "@/components/compare/ComparePage";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ComparePage searchParams={await searchParams} />;
}
