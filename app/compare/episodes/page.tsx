import { SideBySidePage } from "@/components/compare/SideBySidePage";

export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ a?: string; b?: string; problem?: string; ea?: string; eb?: string }>;
}) {
  return <SideBySidePage {...await searchParams} />;
}
