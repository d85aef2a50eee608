import { ProblemPage } from "@/components/problem/ProblemPage";

export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ problemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ problemId }, search] = await Promise.all([params, searchParams]);
  return <ProblemPage problemId={problemId} searchParams={search} />;
}
