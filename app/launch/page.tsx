import { LaunchPage } from "@/components/launch/LaunchPage";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ kind?: string; dataset?: string }> }) {
  const { kind, dataset } = await searchParams;
  return <LaunchPage kind={kind === "train" ? "train" : "eval"} dataset={dataset} />;
}
