import { HomePage } from "@/components/home/HomePage";

export const dynamic = "force-dynamic";

export default function Page() {
  return <HomePage />;
}
